package org.nestor.core.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestor.core.action.ServiceActions;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.status.StatusJson;
import org.nestor.core.store.ServiceStore;

/**
 * The instances of services on the nodes of the pool: this node's from its engine, the peers'
 * from their agents ({@code svc print-status --all --format json}), all asked at once.
 */
public final class ClusterStatus {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final ServiceActions actions;
    private final ServiceStore store;
    private final String self;

    public ClusterStatus(Pool pool, ServiceActions actions, ServiceStore store, String self) {
        this.pool = pool;
        this.actions = actions;
        this.store = store;
        this.self = self;
    }

    /**
     * Each node's statuses (by service), this node first; a node that cannot be reached or answer
     * has its failure instead.
     */
    public Map<String, Reply<Map<String, ServiceStatus>>> all(List<PoolNode> peers) {
        Map<String, Reply<Map<String, ServiceStatus>>> nodes = new LinkedHashMap<>();
        nodes.put(self, new Reply<>(local(), null));
        pool.each(peers, this::remote).forEach((peer, reply) -> nodes.put(peer.name(), reply));
        return nodes;
    }

    private Map<String, ServiceStatus> local() {
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        for (String service : store.list()) {
            try {
                statuses.put(service, actions.status(service, false));
            } catch (RuntimeException e) {
                // a service that cannot be evaluated here shows no instance; print-status says why
            }
        }
        return statuses;
    }

    private Map<String, ServiceStatus> remote(PoolNode peer) {
        CommandResult result = pool.call(peer, List.of("svc", "print-status", "--all", "--format", "json"), null,
                STATUS_TIMEOUT);
        if (result.stdout().isBlank()) {
            throw new PoolException("node " + peer.name() + ": print-status failed (" + result.reason() + ")");
        }
        try {
            return StatusJson.readAll(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new PoolException("node " + peer.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One service's instance on each of these nodes (this node's name included or not): its status,
     * or a null value when the node does not have the service, or the failure to ask.
     */
    public Map<String, Reply<ServiceStatus>> of(String service, List<PoolNode> peers, boolean withSelf) {
        Map<String, Reply<ServiceStatus>> nodes = new LinkedHashMap<>();
        if (withSelf) {
            nodes.put(self, new Reply<>(actions.status(service, false), null));
        }
        infos(service, peers).forEach((peer, reply) -> nodes.put(peer.name(), reply.ok()
                ? new Reply<>(reply.value().statuses().get(service), null) : new Reply<>(null, reply.failure())));
        return nodes;
    }

    /** What each peer says of the service: its configuration's version and its status, in one call each. */
    public Map<PoolNode, Reply<NodeInfo>> infos(String service, List<PoolNode> peers) {
        return pool.each(peers, peer -> pool.info(peer, List.of(service), true));
    }

    /** Whether an instance runs, wholly or partly. */
    public static boolean running(ServiceStatus status) {
        return status != null && (status.avail().isUp() || status.avail() == Status.WARN);
    }

    /** The nodes whose instance of the service is up (or partly up), among the answers. */
    public static List<String> upOn(String service, Map<String, Reply<Map<String, ServiceStatus>>> nodes) {
        List<String> up = new ArrayList<>();
        nodes.forEach((name, reply) -> {
            ServiceStatus status = reply.ok() ? reply.value().get(service) : null;
            if (running(status)) {
                up.add(name);
            }
        });
        return up;
    }
}
