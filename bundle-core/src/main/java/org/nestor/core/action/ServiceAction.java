package org.nestor.core.action;

import java.util.Locale;

/** The actions the engine runs on a service's resources. */
public enum ServiceAction {
    START, STOP, RESTART,
    /** Creates what the resources need (a container's rootfs...), in start order. */
    PROVISION,
    /** Stops, then removes what provision created, in stop order. */
    UNPROVISION,
    /** Replicates the data of the sync resources to their target nodes, in start order. */
    SYNC;

    /** Whether it leaves the service's resources started: what a failover service may do on one node only. */
    public boolean starts() {
        return this == START || this == RESTART || this == PROVISION;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
