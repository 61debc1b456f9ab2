package org.nestor.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How commands and files reach a container's guest: lxc-attach, docker exec, SSH, the QEMU guest
 * agent. A transport that cannot reach the guest answers {@link #UNJOINABLE} rather than throwing,
 * so that one rule, {@link #unjoinable(CommandResult)}, tells a guest that cannot be joined from a
 * command that failed in it.
 */
@ConsumerType
public interface GuestTransport {

    /** The exit code a transport answers when it cannot reach the guest (as ssh does). */
    int UNJOINABLE = 255;

    /** The exit code of a program the guest does not have (as a shell answers). */
    int NO_PROGRAM = 127;

    /** Longest the no-op of {@link #operational()} may take. */
    Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Runs an argument vector in the guest, stdin fed and exit code kept; a command that outlives
     * its timeout is killed and reported timed out.
     */
    CommandResult exec(List<String> argv, byte[] stdin, Duration timeout);

    /** Copies a local file to a path in the guest. */
    void copyIn(Path local, String guestPath) throws ResourceException;

    /** Copies a file of the guest to a local path, replacing it only once the copy is complete. */
    void copyOut(String guestPath, Path local) throws ResourceException;

    /** Whether a no-op command succeeds through the transport: what a container's start waits for. */
    default boolean operational() {
        return exec(List.of("true"), null, PROBE_TIMEOUT).succeeded();
    }

    /**
     * The rule of the guest that cannot be joined: exit 255 (the transport could not reach it) or
     * 127 (the guest lacks the program, its agent or shell), as opposed to a command that ran and failed.
     */
    static boolean unjoinable(CommandResult result) {
        return result.exitCode() == UNJOINABLE || result.exitCode() == NO_PROGRAM;
    }

    /** What a transport answers when it cannot reach the guest, with the reason on stderr. */
    static CommandResult cannotJoin(String reason) {
        return new CommandResult(UNJOINABLE, "", reason, false);
    }
}
