package org.nestor.libvirt.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.ssh.SshException;
import org.nestor.core.ssh.SshOutput;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.ssh.SshTarget;

/**
 * A VM guest reached over SSH: the node's {@link SshSessions}, borrowed (host keys checked, sessions
 * reused, timed-out commands killed in the guest); a guest that cannot be reached answers 255.
 */
final class SshTransport implements GuestTransport {

    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(1);

    private final SshSessions sessions;
    private final SshTarget target;

    SshTransport(SshSessions sessions, String host, int port, String user, Path key, Path knownHosts) {
        this.sessions = sessions;
        this.target = new SshTarget(user, host, port, key, knownHosts);
    }

    @Override
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        try {
            SshOutput output = sessions.exec(target, argv, stdin, timeout);
            return new CommandResult(output.exit(), output.text(), output.stderr(), output.timedOut());
        } catch (SshException e) {
            return GuestTransport.cannotJoin(e.getMessage());
        }
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        run(List.of("sh", "-c", "cat > \"$1\"", "sh", guestPath), LocalFiles.read(local),
                "copy of " + local + " to " + target.host() + ":" + guestPath);
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        SshOutput output = run(List.of("cat", guestPath), null,
                "copy of " + target.host() + ":" + guestPath + " to " + local);
        LocalFiles.replace(local, temporary -> Files.write(temporary, output.stdout()));
    }

    private SshOutput run(List<String> argv, byte[] stdin, String what) throws ResourceException {
        try {
            SshOutput output = sessions.exec(target, argv, stdin, COPY_TIMEOUT);
            if (!output.succeeded()) {
                throw new ResourceException(what + " failed: " + output.reason());
            }
            return output;
        } catch (SshException e) {
            throw new ResourceException(what + " failed: " + e.getMessage(), e);
        }
    }
}
