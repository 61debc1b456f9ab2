package org.nestor.core.config;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who this node is: its name (from {@code etc/nestor/node.cfg}, overridden by the environment
 * variable {@code NESTOR_NODE}, else the short host name) and the pool it belongs to.
 */
@ProviderType
public interface NodeIdentity {

    String name();

    /** Nodes of the pool, this node included. */
    List<String> clusterNodes();

    /** DR nodes of the pool. */
    List<String> clusterDrpNodes();
}
