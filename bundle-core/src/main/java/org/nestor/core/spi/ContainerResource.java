package org.nestor.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A container or VM resource, and the transport into its guest that encapsulation relays through.
 * Drivers implement it by extending {@link ContainerSupport}, which holds the readiness contract.
 */
@ConsumerType
public interface ContainerResource extends Resource {

    /** The container's name on its hypervisor (lxc name, docker name, libvirt domain). */
    String name();

    /**
     * How commands and files reach the guest; empty when nothing can (a VM reached by SSH that
     * has no hostname).
     */
    Optional<GuestTransport> transport();

    /**
     * Runs an argument vector in the guest through its transport; {@link GuestTransport#unjoinable}
     * tells a guest that cannot be joined (exit 127 or 255).
     */
    default CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        return transport().map(transport -> transport.exec(argv, stdin, timeout))
                .orElseGet(() -> GuestTransport.cannotJoin(noTransport()));
    }

    /** Copies a local file to a path in the guest. */
    default void copyIn(Path local, String guestPath) throws ResourceException {
        transport().orElseThrow(() -> new ResourceException(noTransport())).copyIn(local, guestPath);
    }

    /** Copies a file of the guest to a local path. */
    default void copyOut(String guestPath, Path local) throws ResourceException {
        transport().orElseThrow(() -> new ResourceException(noTransport())).copyOut(guestPath, local);
    }

    /** Whether a no-op command succeeds through the transport. */
    default boolean operational() {
        return transport().map(GuestTransport::operational).orElse(false);
    }

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

    private String noTransport() {
        return name() + " has no transport into its guest";
    }
}
