package org.nestor.core.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/**
 * Commands over SSH with one session per target, reused by every call (a new session costs about
 * half a second; a command on a live one about 10 ms). A command runs as
 * {@code sh -c 'echo $$; exec "$@"'} with each word single-quoted: no remote shell reads a value,
 * and the pid it prints lets a timed-out command be killed, children first, on the remote side.
 */
public final class SshSessions {

    private static final Map<SshTarget, Session> SESSIONS = new ConcurrentHashMap<>();
    /** Sessions to different targets are made at once, to one target one at a time. */
    private static final Map<SshTarget, Object> CONNECTING = new ConcurrentHashMap<>();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 1;

    private SshSessions() {
    }

    /**
     * Runs an argument vector on the target.
     *
     * @param stdin what the command reads, or null for nothing
     * @throws SshUnreachableException when the target cannot be reached or refuses us
     * @throws SshException            when the connection dies under the command
     */
    public static SshOutput exec(SshTarget target, List<String> argv, byte[] stdin, Duration timeout)
            throws SshException {
        return run(target, command(argv), stdin, timeout, true);
    }

    /**
     * Runs a command line as the target's own shell reads it, for a target without a POSIX shell
     * (a Karaf console): a timed-out command is only cut off, its channel closed. Each call has a
     * session of its own: a Karaf console ends the session after each command, and one about to be
     * ended must not be taken for the next.
     */
    public static SshOutput execLine(SshTarget target, String line, byte[] stdin, Duration timeout)
            throws SshException {
        return run(target, line, stdin, timeout, false);
    }

    /**
     * @param withPid the command line prints the remote pid first (to kill it after a timeout), on
     *                the target's kept session; without, on a session of its own
     */
    private static SshOutput run(SshTarget target, String line, byte[] stdin, Duration timeout, boolean withPid)
            throws SshException {
        Session session = withPid ? session(target) : connect(target);
        try {
            return run(session, target, line, stdin, timeout, withPid);
        } finally {
            if (!withPid) {
                session.disconnect();
            }
        }
    }

    private static SshOutput run(Session session, SshTarget target, String line, byte[] stdin, Duration timeout,
                                 boolean withPid) throws SshException {
        ChannelExec channel;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(line);
            channel.setInputStream(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
            channel.setOutputStream(out);
            channel.setErrStream(err);
            channel.connect((int) CONNECT_TIMEOUT.toMillis());
        } catch (JSchException e) {
            drop(session);
            throw new SshUnreachableException(target + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean finished = false;
        boolean interrupted = false;
        try {
            while (!(finished = channel.isClosed()) && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        } finally {
            channel.disconnect();
        }
        byte[] printed = out.toByteArray();
        byte[] stdout = withPid ? withoutPid(printed) : printed;
        if (!finished) {
            if (withPid) {
                kill(target, printed);
            }
            return new SshOutput(-1, stdout, interrupted ? "interrupted" : err.toString(StandardCharsets.UTF_8), true);
        }
        if (channel.getExitStatus() < 0 && !session.isConnected()) {
            // the channel closed because the connection died: not the command's own answer (a Karaf
            // console ends its session after each command, but only once it sent the exit status)
            drop(session);
            throw new SshException(target + ": connection lost while the command ran");
        }
        return new SshOutput(channel.getExitStatus(), stdout, err.toString(StandardCharsets.UTF_8), false);
    }

    /**
     * The target's host key as a known_hosts line, read from the key exchange alone: for an
     * administrator who asked to accept it, never used to trust a key on the quiet.
     */
    public static String hostKeyLine(SshTarget target) throws SshException {
        Session session = null;
        try {
            JSch jsch = new JSch();
            session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "no");
            session.setConfig("PreferredAuthentications", "none");
            try {
                session.connect((int) CONNECT_TIMEOUT.toMillis());
            } catch (JSchException e) {
                if (session.getHostKey() == null) {
                    throw new SshException(target + ": " + e.getMessage(), e);
                }
            }
            HostKey key = session.getHostKey();
            return key.getHost() + " " + key.getType() + " " + key.getKey();
        } catch (JSchException e) {
            throw new SshException(target + ": " + e.getMessage(), e);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    /** The command as the remote shell reads it: each word single-quoted. */
    static String command(List<String> argv) {
        return "sh -c 'echo $$; exec \"$@\"' sh " + shellWords(argv);
    }

    /**
     * Words as a POSIX shell reads them back unchanged, each single-quoted: for a remote command
     * line (ssh, rsync -e) built from values without any shell interpreting them.
     */
    public static String shellWords(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
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
    private static void kill(SshTarget target, byte[] stdout) {
        int newline = indexOf(stdout, (byte) '\n');
        if (newline <= 0) {
            return;
        }
        String pid = new String(stdout, 0, newline, StandardCharsets.US_ASCII).strip();
        if (!pid.matches("\\d+")) {
            return;
        }
        try {
            exec(target, List.of("sh", "-c", "pkill -KILL -P \"$1\"; kill -KILL \"$1\"", "sh", pid), null,
                    KILL_TIMEOUT);
        } catch (SshException e) {
            // the target went away: so did the command
        }
    }

    /** The target's kept session, made first when there is none (one at a time per target). */
    private static Session session(SshTarget target) throws SshException {
        Session existing = SESSIONS.get(target);
        if (existing != null && existing.isConnected()) {
            return existing;
        }
        synchronized (CONNECTING.computeIfAbsent(target, any -> new Object())) {
            Session again = SESSIONS.get(target);
            if (again != null && again.isConnected()) {
                return again;
            }
            Session session = connect(target);
            SESSIONS.put(target, session);
            return session;
        }
    }

    private static Session connect(SshTarget target) throws SshUnreachableException {
        if (!Files.isRegularFile(target.knownHosts())) {
            throw new SshUnreachableException("no " + target.knownHosts() + ": add " + target.host() + "'s host key "
                    + "there first (ssh-keyscan -p " + target.port() + " " + target.host() + " >> "
                    + target.knownHosts() + ", after checking it)");
        }
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(target.knownHosts().toString());
            jsch.addIdentity(target.key().toString());
            Session session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setServerAliveInterval(15_000);
            session.connect((int) CONNECT_TIMEOUT.toMillis());
            return session;
        } catch (JSchException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("UnknownHostKey") || message.contains("reject HostKey")
                    || message.contains("HostKey has been changed")) {
                throw new SshUnreachableException("host key of " + target.host() + ":" + target.port() + " refused: "
                        + "it is not in " + target.knownHosts() + " (" + message + ")", e);
            }
            throw new SshUnreachableException(target + ": " + message, e);
        }
    }

    private static void drop(Session session) {
        SESSIONS.values().remove(session);
        session.disconnect();
    }

    /** Ends the sessions to one target (it went away, or its key changed). */
    public static void close(SshTarget target) {
        Session session = SESSIONS.remove(target);
        if (session != null) {
            session.disconnect();
        }
    }

    /** Ends every session (bundle stop, end of bin/nestor). */
    public static void closeAll() {
        new ArrayList<>(SESSIONS.values()).forEach(SshSessions::drop);
    }
}
