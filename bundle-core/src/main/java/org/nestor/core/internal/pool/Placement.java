package org.nestor.core.internal.pool;

import java.util.List;
import java.util.stream.Stream;

import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.config.ConfigEvaluation;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.store.ServiceStore;

/**
 * Where a service lives, as this node reads its configuration.
 *
 * @param inGuest whether this node is one of its encapnodes (a guest: no peers of its own)
 */
public record Placement(String self, List<String> nodes, List<String> drpnodes, String topology, boolean inGuest) {

    public static Placement of(String service, ServiceStore store, KeywordDictionary dictionary, NodeIdentity node) {
        ConfigEvaluation evaluation = new ConfigEvaluation(service, store.read(service), dictionary,
                EvaluationContext.of(node, null));
        return new Placement(node.name(), evaluation.nodes(), evaluation.drpnodes(),
                String.valueOf(evaluation.get(ServiceConfig.DEFAULT, "topology")),
                evaluation.encapnodes().contains(node.name()));
    }

    /** Its nodes then its drpnodes, this node left out; none in a guest. */
    public List<String> peers() {
        return inGuest ? List.of() : Stream.concat(nodes.stream(), drpnodes.stream()).distinct()
                .filter(name -> !name.equals(self)).toList();
    }

    /** Its peers that this node's pool knows, in the order of {@link #peers()}. */
    public List<PoolNode> peersIn(Pool pool) {
        List<PoolNode> known = pool.nodes();
        return peers().stream().flatMap(name -> known.stream().filter(peer -> peer.name().equals(name))).toList();
    }

    /** A DR node that is not one of the nodes: it never pushes its configuration to them. */
    public boolean drpOnly(String name) {
        return drpnodes.contains(name) && !nodes.contains(name);
    }

    /** The node the service prefers (OpenSVC's placement leader): the first of its nodes. */
    public String leader() {
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    public boolean failover() {
        return !"flex".equals(topology);
    }
}
