package org.nestor.core.spi;

import java.util.List;

import org.nestor.core.status.ResourceStatus;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The handle of one resource of a service, made by its driver for one action or status. The
 * engine decides what to run; a handle only does it and reports.
 */
@ConsumerType
public interface Resource {

    /** Brings the resource up. */
    void start() throws ResourceException;

    /** Brings the resource down. */
    void stop() throws ResourceException;

    /** The resource's current state, with the lines explaining it. */
    ResourceStatus status();

    /** One line describing the resource, shown beside its status. */
    String label();

    /** Rids this resource starts after and stops before (besides the group order). */
    default List<String> dependencies() {
        return List.of();
    }

    /** Whether the resource is provisioned: true, false, or null when it cannot tell. */
    default Boolean provisioned() {
        return Boolean.TRUE;
    }

    /** Creates what the resource needs to start (an image, a rootfs); a no-op by default. */
    default void provision() throws ResourceException {
    }

    /** Removes what {@link #provision()} created, never data it does not own; a no-op by default. */
    default void unprovision() throws ResourceException {
    }

    /**
     * Replicates the resource's data to its target nodes ({@code svc sync}); only sync resources
     * have data to send.
     */
    default void sync() throws ResourceException {
    }
}
