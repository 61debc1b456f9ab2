package org.nestor.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.Dictionaries;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.pool.Pool;

/** A node of the core's tests: the built-in drivers only, its files under a temporary base. */
public record BuiltInNode(NestorPaths paths, DriverRegistry dictionary, FileNodeIdentity node, FileServiceStore store,
                          FailoverGuard guard, ServiceEngine engine) {

    /** The node {@code name} with the pool of its own (empty) pool file, whose sessions none will open. */
    public static BuiltInNode at(Path base, String name) {
        NestorPaths paths = new NestorPaths(base);
        return at(paths, name, PeerPool.standalone(paths, name, new JschSessions()));
    }

    /** The node {@code name} whose failover guard asks {@code pool}. */
    public static BuiltInNode at(Path base, String name, Pool pool) {
        return at(new NestorPaths(base), name, pool);
    }

    private static BuiltInNode at(NestorPaths paths, String name, Pool pool) {
        DriverRegistry dictionary = Dictionaries.builtIn();
        FileNodeIdentity node = new FileNodeIdentity(paths, Map.of("NESTOR_NODE", name));
        FileServiceStore store = new FileServiceStore(paths, dictionary, node, Duration.ofSeconds(5));
        FailoverGuard guard = new FailoverGuard(pool, store, dictionary, node);
        return new BuiltInNode(paths, dictionary, node, store, guard, ServiceEngine.standalone(paths, store,
                dictionary, dictionary, node, guard));
    }
}
