package org.nestor.libvirt.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;

/**
 * Commands and files over SSH (JSch): host keys checked against a known_hosts file (an unknown key
 * is refused, never learnt), key authentication only, one session per user, host, port and key
 * reused by every call. A command runs as {@code sh -c 'echo $$; exec "$@"'} so that its pid is
 * known and a timed-out command is killed in the guest.
 */
final class SshTransport implements GuestTransport {

    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 1;

    private final String host;
    private final int port;
    private final String user;
    private final Path key;
    private final Path knownHosts;

    SshTransport(String host, int port, String user, Path key, Path knownHosts) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.key = key;
        this.knownHosts = knownHosts;
    }

    @Override
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        try {
            Output output = run(argv, stdin, timeout);
            return new CommandResult(output.exit, new String(output.stdout, StandardCharsets.UTF_8), output.stderr,
                    output.timedOut);
        } catch (ResourceException e) {
            return new CommandResult(255, "", e.getMessage(), false);
        }
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        Output output = run(List.of("sh", "-c", "cat > \"$1\"", "sh", guestPath), LocalFiles.read(local),
                COPY_TIMEOUT);
        if (output.exit != 0 || output.timedOut) {
            throw new ResourceException("copy of " + local + " to " + host + ":" + guestPath + " failed: "
                    + output.stderr.strip());
        }
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        Output output = run(List.of("cat", guestPath), null, COPY_TIMEOUT);
        if (output.exit != 0 || output.timedOut) {
            throw new ResourceException("copy of " + host + ":" + guestPath + " to " + local + " failed: "
                    + output.stderr.strip());
        }
        LocalFiles.replace(local, temporary -> Files.write(temporary, output.stdout));
    }

    private record Output(int exit, byte[] stdout, String stderr, boolean timedOut) {
    }

    private Output run(List<String> argv, byte[] stdin, Duration timeout) throws ResourceException {
        Session session = session();
        ChannelExec channel;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command(argv));
            channel.setInputStream(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
            channel.setOutputStream(out);
            channel.setErrStream(err);
            channel.connect((int) CONNECT_TIMEOUT.toMillis());
        } catch (JSchException e) {
            drop(session);
            throw new ResourceException(user + "@" + host + ":" + port + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!channel.isClosed()) {
                if (System.nanoTime() > deadline) {
                    kill(out.toByteArray());
                    return new Output(-1, withoutPid(out.toByteArray()), err.toString(StandardCharsets.UTF_8), true);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(out.toByteArray());
            return new Output(-1, withoutPid(out.toByteArray()), "interrupted", true);
        } finally {
            channel.disconnect();
        }
        return new Output(channel.getExitStatus(), withoutPid(out.toByteArray()), err.toString(StandardCharsets.UTF_8),
                false);
    }

    /** The command as the remote shell reads it: each word single-quoted. */
    static String command(List<String> argv) {
        StringBuilder command = new StringBuilder("sh -c 'echo $$; exec \"$@\"' sh");
        for (String word : argv) {
            command.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return command.toString();
    }

    private static byte[] withoutPid(byte[] stdout) {
        int newline = indexOf(stdout, (byte) '\n');
        return newline < 0 ? new byte[0] : Arrays.copyOfRange(stdout, newline + 1, stdout.length);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Kills the timed-out command (its children first) through a second channel. */
    private void kill(byte[] stdout) {
        int newline = indexOf(stdout, (byte) '\n');
        if (newline <= 0) {
            return;
        }
        String pid = new String(stdout, 0, newline, StandardCharsets.US_ASCII).strip();
        if (!pid.matches("\\d+")) {
            return;
        }
        try {
            run(List.of("sh", "-c", "pkill -KILL -P \"$1\"; kill -KILL \"$1\"", "sh", pid), null, KILL_TIMEOUT);
        } catch (ResourceException e) {
            // the guest went away: so did the command
        }
    }

    private Session session() throws ResourceException {
        String id = user + "@" + host + ":" + port + " " + key + " " + knownHosts;
        Session existing = SESSIONS.get(id);
        if (existing != null && existing.isConnected()) {
            return existing;
        }
        synchronized (SESSIONS) {
            Session again = SESSIONS.get(id);
            if (again != null && again.isConnected()) {
                return again;
            }
            if (!Files.isRegularFile(knownHosts)) {
                throw new ResourceException("no " + knownHosts + ": add " + host + "'s host key there first "
                        + "(ssh-keyscan -p " + port + " " + host + " >> " + knownHosts + ", after checking it)");
            }
            try {
                JSch jsch = new JSch();
                jsch.setKnownHosts(knownHosts.toString());
                jsch.addIdentity(key.toString());
                Session session = jsch.getSession(user, host, port);
                session.setConfig("StrictHostKeyChecking", "yes");
                session.setConfig("PreferredAuthentications", "publickey");
                session.setServerAliveInterval(15_000);
                session.connect((int) CONNECT_TIMEOUT.toMillis());
                SESSIONS.put(id, session);
                return session;
            } catch (JSchException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("UnknownHostKey") || message.contains("HostKey has been changed")) {
                    throw new ResourceException("host key of " + host + ":" + port + " refused: it is not in "
                            + knownHosts + " (" + message + ")", e);
                }
                throw new ResourceException(user + "@" + host + ":" + port + ": " + message, e);
            }
        }
    }

    private static void drop(Session session) {
        SESSIONS.values().remove(session);
        session.disconnect();
    }

    /** Ends every session (bundle stop). */
    static void closeAll() {
        new ArrayList<>(SESSIONS.values()).forEach(SshTransport::drop);
    }
}
