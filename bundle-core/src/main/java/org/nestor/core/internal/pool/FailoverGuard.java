package org.nestor.core.internal.pool;

import java.util.List;
import java.util.Map;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.store.ServiceStore;

/**
 * A failover service runs one instance: before a start here, every peer among its nodes and
 * drpnodes is asked, and the start is refused when one runs it, or (unless forced) when one
 * cannot tell.
 */
public final class FailoverGuard {

    private final Pool pool;
    private final ServiceActions actions;
    private final ServiceStore store;
    private final KeywordDictionary dictionary;
    private final NodeIdentity node;

    public FailoverGuard(Pool pool, ServiceActions actions, ServiceStore store, KeywordDictionary dictionary,
                         NodeIdentity node) {
        this.pool = pool;
        this.actions = actions;
        this.store = store;
        this.dictionary = dictionary;
        this.node = node;
    }

    /** @throws ActionException naming the node where it runs, or the one that cannot be asked */
    public void check(String service, boolean force) {
        Placement placement = Placement.of(service, store, dictionary, node);
        if (!placement.failover()) {
            return;
        }
        List<PoolNode> peers = placement.peersIn(pool);
        if (peers.isEmpty()) {
            return;
        }
        Map<String, Reply<ServiceStatus>> instances = new ClusterStatus(pool, actions, store, node.name())
                .of(service, peers, false);
        for (Map.Entry<String, Reply<ServiceStatus>> instance : instances.entrySet()) {
            Reply<ServiceStatus> reply = instance.getValue();
            if (reply.ok() && ClusterStatus.running(reply.value())) {
                throw new ActionException(service + " is up on " + instance.getKey() + ": a failover service runs "
                        + "one instance (svc switch " + service + " --to " + node.name() + " moves it here)");
            }
            if (!reply.ok() && !force) {
                throw new ActionException("cannot tell whether " + service + " runs on " + instance.getKey() + " ("
                        + reply.failure().getMessage() + "): not started; --force starts it anyway");
            }
        }
    }
}
