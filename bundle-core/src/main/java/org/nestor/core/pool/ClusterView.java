package org.nestor.core.pool;

import java.util.List;
import java.util.Map;

import org.nestor.core.status.ServiceStatus;

/**
 * The services' instances on the nodes of the pool, as {@code svc mon} shows them.
 *
 * @param nodes       this node then its peers
 * @param rows        one a service, by name
 * @param unreachable the nodes that could not tell, with why
 */
public record ClusterView(List<String> nodes, List<Row> rows, Map<String, String> unreachable) {

    public ClusterView {
        nodes = List.copyOf(nodes);
        rows = List.copyOf(rows);
        unreachable = Map.copyOf(unreachable);
    }

    /**
     * @param state     up, down, or warn with the count when a failover service runs more than once
     * @param instances by node; a node that does not have the service has none
     */
    public record Row(String service, String state, String topology, Map<String, Instance> instances) {

        public Row {
            instances = Map.copyOf(instances);
        }
    }

    /** @param leader whether this node is the service's placement leader */
    public record Instance(ServiceStatus status, boolean leader) {
    }
}
