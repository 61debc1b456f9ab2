package org.nestor.core.internal.ssh;

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

import org.nestor.core.ssh.SshException;
import org.nestor.core.ssh.SshOutput;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.ssh.SshTarget;
import org.nestor.core.ssh.SshUnreachableException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@link SshSessions} over JSch: a command runs as {@code sh -c 'echo $$; exec "$@"'}, the pid it
 * prints letting a timed-out command be killed on the remote side. In Karaf one component whose
 * sessions the pool and the libvirt guest transports share and which ends them when it goes (with
 * the last of them, or the bundle); its users borrow them and close none but a target's own (a
 * removed peer).
 * bin/nestor has one per run, made by its node assembly. It has no configuration (the timeouts are
 * fixed), so nothing can change under live sessions.
 */
@Component(service = SshSessions.class)
public final class JschSessions implements SshSessions {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 1;

    private final Map<SshTarget, Session> sessions = new ConcurrentHashMap<>();
    /** Sessions to different targets are made at once, to one target one at a time. */
    private final Map<SshTarget, Object> connecting = new ConcurrentHashMap<>();

    public JschSessions() {
    }

    @Override
    public SshOutput exec(SshTarget target, List<String> argv, byte[] stdin, Duration timeout)
            throws SshException {
        return run(target, command(argv), stdin, timeout, true);
    }

    @Override
    public SshOutput execLine(SshTarget target, String line, byte[] stdin, Duration timeout)
            throws SshException {
        return run(target, line, stdin, timeout, false);
    }

    /**
     * @param withPid the command line prints the remote pid first (to kill it after a timeout), on
     *                the target's kept session; without, on a session of its own
     */
    private SshOutput run(SshTarget target, String line, byte[] stdin, Duration timeout, boolean withPid)
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

    private SshOutput run(Session session, SshTarget target, String line, byte[] stdin, Duration timeout,
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

    @Override
    public String hostKeyLine(SshTarget target) throws SshException {
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
    private static String command(List<String> argv) {
        return "sh -c 'echo $$; exec \"$@\"' sh " + SshSessions.shellWords(argv);
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
    private void kill(SshTarget target, byte[] stdout) {
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
    private Session session(SshTarget target) throws SshException {
        Session existing = sessions.get(target);
        if (existing != null && existing.isConnected()) {
            return existing;
        }
        synchronized (connecting.computeIfAbsent(target, any -> new Object())) {
            Session again = sessions.get(target);
            if (again != null && again.isConnected()) {
                return again;
            }
            Session session = connect(target);
            sessions.put(target, session);
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

    private void drop(Session session) {
        sessions.values().remove(session);
        session.disconnect();
    }

    @Override
    public void close(SshTarget target) {
        Session session = sessions.remove(target);
        if (session != null) {
            session.disconnect();
        }
    }

    /** Ends every session: the component goes (bundle stop), or its owner is done with it. */
    @Deactivate
    public void closeAll() {
        new ArrayList<>(sessions.values()).forEach(this::drop);
    }
}
