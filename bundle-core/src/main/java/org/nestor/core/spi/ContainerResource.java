package org.nestor.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A container or VM resource, and the transport into its guest that encapsulation relays through.
 */
public interface ContainerResource extends Resource {

    /** The container's name on its hypervisor (lxc name, docker name, libvirt domain). */
    String name();

    /** Runs an argument vector in the guest; exit codes 127 and 255 mean the guest is unjoinable. */
    CommandResult exec(List<String> argv, byte[] stdin, Duration timeout);

    /** Copies a local file to a path in the guest. */
    void copyIn(Path local, String guestPath) throws ResourceException;

    /** Copies a file of the guest to a local path. */
    void copyOut(String guestPath, Path local) throws ResourceException;

    /** Whether a no-op command succeeds through the transport. */
    boolean operational();

    /**
     * The pid, as this host sees it, of the container's first process: its namespaces are
     * {@code /proc/PID/ns/*}. Empty when the container does not run, or runs no process of this
     * host's (a virtual machine).
     */
    default OptionalLong pid() {
        return OptionalLong.empty();
    }

    /** The guest's host name, as the guest agent knows its node name. */
    String guestHostname() throws ResourceException;
}
