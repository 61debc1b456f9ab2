package org.nestor.core.internal.pool;

import java.util.List;
import java.util.Map;

import org.nestor.core.action.ActionException;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.store.ServiceStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A failover service runs one instance: before the engine starts one here, every peer among its
 * nodes and drpnodes is asked, and the start is refused when one runs it, or (unless forced) when
 * one cannot tell. The engine calls it on every starting action, whoever asked for it.
 */
@Component(service = FailoverGuard.class)
public class FailoverGuard {

    private final Pool pool;
    private final ServiceStore store;
    private final KeywordDictionary dictionary;
    private final NodeIdentity node;

    @Activate
    public FailoverGuard(@Reference Pool pool, @Reference ServiceStore store, @Reference KeywordDictionary dictionary,
                         @Reference NodeIdentity node) {
        this.pool = pool;
        this.store = store;
        this.dictionary = dictionary;
        this.node = node;
    }

    /** @throws ActionException naming the node where it runs, or the one that cannot be asked */
    public void check(String service, boolean force) {
        if (pool.nodes().isEmpty()) {
            return;
        }
        Placement placement = Placement.of(service, store, dictionary, node);
        if (!placement.failover()) {
            return;
        }
        List<PoolNode> peers = placement.peersIn(pool);
        Map<PoolNode, Reply<NodeInfo>> answers = pool.each(peers, peer -> pool.info(peer, List.of(service), true));
        for (Map.Entry<PoolNode, Reply<NodeInfo>> answer : answers.entrySet()) {
            Reply<NodeInfo> reply = answer.getValue();
            ServiceStatus status = reply.ok() ? reply.value().statuses().get(service) : null;
            if (status != null && status.runs()) {
                throw new ActionException(service + " is up on " + answer.getKey().name() + ": a failover service "
                        + "runs one instance (svc switch " + service + " --to " + node.name() + " moves it here)");
            }
            if (!reply.ok() && !force) {
                throw new ActionException("cannot tell whether " + service + " runs on " + answer.getKey().name()
                        + " (" + reply.failure().getMessage() + "): not started; --force starts it anyway");
            }
        }
    }
}
