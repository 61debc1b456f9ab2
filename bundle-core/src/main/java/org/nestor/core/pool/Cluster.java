package org.nestor.core.pool;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nestor.core.pool.Pool.Reply;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pool seen from this node: what the console, bin/nestor, the peer protocol and the node
 * daemon ask of it. Relocation, replication, the cluster view and the pool's checks live here;
 * the failover guard is the engine's, on every start path.
 */
@ProviderType
public interface Cluster {

    /** This node's description, with these services (all when none) and, when asked, their statuses. */
    NodeInfo describe(Collection<String> services, boolean withStatus);

    /** Each service's instance on every node, asked in parallel (all services when none is given). */
    ClusterView view(Collection<String> services);

    /**
     * Moves a service to a node of its own (stop where it runs, start on the target) or, when the
     * target names one of its guests, its encapsulated resources into that guest; what happens on
     * both sides goes to {@code output}, the merged action logs last.
     *
     * @throws org.nestor.core.action.ActionException when refused before anything stopped, or saying
     *                                                what was stopped and what to check
     */
    void relocate(String service, String target, Consumer<String> output);

    /**
     * Gives the newest configuration of a service to its nodes and drpnodes in the pool (its guests
     * first), pulling a newer one from them first.
     *
     * @return whether every peer has it now; the others are kept as pending
     */
    boolean replicate(String service, Consumer<String> output);

    /** The peers still to be given the service's configuration, as the last replication left them. */
    List<String> pending(String service);

    /**
     * The service's action log on this node and on its peers, in time order, from {@code since}
     * (null: all); a peer that cannot give its log is said to {@code problems}.
     */
    List<String> logs(String service, Instant since, Consumer<String> problems);

    /** What each peer says of itself, with how long it took (milliseconds). */
    Map<PoolNode, Reply<Answer>> members();

    /**
     * Checks every peer (reachable, the node it says, version, drivers, configurations, pending
     * replications); what is in order, notes and a last line when all is go to {@code output}.
     *
     * @return the problems; none when the pool is in order
     */
    List<String> check(Consumer<String> output);

    /** A peer's answer and its latency. */
    record Answer(NodeInfo info, long millis) {
    }
}
