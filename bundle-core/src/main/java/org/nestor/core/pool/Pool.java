package org.nestor.core.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.spi.CommandResult;

/**
 * This node's peers and the way to them. Commands for a peer run in its Karaf console when it has
 * one (a new SSH session per command: the console ends it), else, or when that console cannot be
 * reached, its agent ({@code bin/nestor}) over SSH on a session kept open for the next call. Host
 * keys are checked against {@code etc/nestor/known_hosts} and accepted only when an administrator
 * says so. Words are given options first: a Karaf console takes no option after an argument.
 */
public interface Pool {

    /**
     * The pool of the node whose Nestor configuration directory ({@code etc/nestor}) this is, for
     * drivers made outside OSGi as well as in it (a sync resource sends its data to the peers).
     */
    static Pool of(Path configDirectory, String node) {
        return new PeerPool(new NestorPaths(configDirectory.getParent().getParent()), node);
    }

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
     * Runs these words ({@code svc print-status ...}) in the peer's console, or by its agent.
     *
     * @param stdin what the agent reads, or null
     * @throws PoolException when the peer cannot be reached (the command did not run, or the
     *                       connection died under it)
     */
    CommandResult call(PoolNode node, List<String> words, byte[] stdin, Duration timeout);

    /** What the peer says of itself (its {@code pool info}), limited to these services when given. */
    default NodeInfo info(PoolNode node, Collection<String> services) {
        return info(node, services, false);
    }

    /** The same, with the services' statuses when {@code withStatus}. */
    NodeInfo info(PoolNode node, Collection<String> services, boolean withStatus);

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
