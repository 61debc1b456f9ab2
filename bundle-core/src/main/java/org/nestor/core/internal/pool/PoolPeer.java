package org.nestor.core.internal.pool;

import java.util.List;

import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.sync.ConfigPeer;
import org.nestor.core.sync.ConfigVersion;

/**
 * A peer of the pool as a party of the configuration sync, over the peer protocol. A DR node
 * never gives its copy to the nodes.
 *
 * @param known what it said of itself just before (a switch asks once), or null to ask it
 */
record PoolPeer(Pool pool, PoolNode node, Placement placement, NodeInfo known) implements ConfigPeer {

    @Override
    public String name() {
        return node.name();
    }

    @Override
    public String rid() {
        return null;
    }

    @Override
    public ChangeOrigin origin() {
        return ChangeOrigin.PEER;
    }

    @Override
    public String refusesToGive() {
        return placement.drpOnly(node.name()) && placement.nodes().contains(placement.self())
                ? "a DR node does not give its configuration to the nodes" : null;
    }

    @Override
    public boolean takes() {
        return !(placement.drpOnly(placement.self()) && placement.nodes().contains(node.name()));
    }

    @Override
    public ConfigVersion version(String service) {
        return (known != null ? known : pool.info(node, List.of(service))).services().get(service);
    }

    @Override
    public String read(String service) {
        return pool.config(node, service);
    }

    @Override
    public void install(String service, byte[] text, long version) {
        pool.install(node, service, text, version);
    }
}
