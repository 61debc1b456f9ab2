package org.nestor.core.pool;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.nestor.core.action.ServiceAction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * This node's peers and the way to them. Every call to a peer is a typed request of the peer
 * protocol, answered by {@code pool serve} in its Karaf console when it has one (a new SSH
 * session per request: the console ends it), else, or when that console cannot be reached, by its
 * agent ({@code bin/nestor}) over SSH on a session kept open for the next call. Host keys are
 * checked against {@code etc/nestor/known_hosts} and accepted only when an administrator says so.
 */
@ProviderType
public interface Pool {

    /** The peers, by name (this node is not one of them). */
    List<PoolNode> nodes();

    /** @throws PoolException naming the pool's nodes when {@code name} is not one */
    PoolNode node(String name);

    /**
     * Adds a peer, or replaces the entry of that name, once it answers as that node through its
     * console when it has one (its agent is not asked then), else its agent.
     *
     * @param acceptHostKey take the host key it presents into known_hosts (when none is there for it)
     * @return what the peer said of itself
     * @throws PoolException when it cannot be reached, its key is refused or it is another node
     */
    NodeInfo add(PoolNode node, boolean acceptHostKey);

    /** @throws PoolException when it is not in the pool */
    void remove(String name);

    /**
     * What the peer says of itself, limited to these services when given: the peer protocol's
     * {@code info} request (docs/architecture.md), as every call below is one of its requests.
     *
     * @throws PoolException when the peer cannot be reached, answers another protocol, or fails
     */
    default NodeInfo info(PoolNode node, Collection<String> services) {
        return info(node, services, false);
    }

    /** The same, with the services' statuses when {@code withStatus}. */
    NodeInfo info(PoolNode node, Collection<String> services, boolean withStatus);

    /** The text of the peer's copy of a service's configuration. */
    String config(PoolNode node, String service);

    /** Installs a copy of a service's configuration on the peer, with that copy's version (epoch seconds). */
    void install(PoolNode node, String service, byte[] text, long version);

    /**
     * Runs an action on the service there, as {@code svc <action>} would.
     *
     * @return the action's progress lines
     * @throws PoolException when it cannot be reached, or with the peer's error when the action failed
     */
    List<String> act(PoolNode node, String service, ServiceAction action, Duration timeout);

    /** The lines of the peer's action log of a service. */
    List<String> logs(PoolNode node, String service);

    /**
     * Runs {@code work} for each node at once (a bounded pool of threads), and returns each node's
     * answer or its failure; a slow node holds nobody but itself.
     */
    <T> Map<PoolNode, Reply<T>> each(Collection<PoolNode> nodes, Function<PoolNode, T> work);

    /** A node's answer, or why there is none. */
    record Reply<T>(T value, RuntimeException failure) {

        public boolean ok() {
            return failure == null;
        }
    }
}
