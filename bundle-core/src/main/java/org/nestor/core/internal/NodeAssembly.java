package org.nestor.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.nestor.core.action.ActionLayer;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.config.ServiceConfigs;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.ConfigService;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.pool.PoolCluster;
import org.nestor.core.internal.pool.ProtocolEndpoint;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.internal.sync.NewestConfigSync;
import org.nestor.core.pool.Cluster;
import org.nestor.core.pool.PeerEndpoint;
import org.nestor.core.pool.Pool;
import org.nestor.core.spi.Drivers;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;

/**
 * How a node's objects are put together, in Karaf and in {@code bin/nestor}. In Karaf, SCR creates
 * the components in the order their references give, and their activators take from
 * {@link #paths(CoreConfiguration)} and {@link #lockTimeout(CoreConfiguration)} what the core
 * configuration means. {@code bin/nestor} has no SCR: it reads the same typed configurations from
 * the same {@code etc/*.cfg} files and builds the same objects here, in the same order, with at most
 * one {@link ActionLayer} over the engine as {@code LayeredActions} takes at most one. Its
 * {@link SshSessions} are the run's own, as the SSH component's are the bundle's in Karaf; the
 * drivers are made after the pool and the sessions, which they may reference as in Karaf.
 */
public final class NodeAssembly {

    private final DriverRegistry drivers = new DriverRegistry();
    private final ConfigService configs = new ConfigService(drivers);
    private final FileNodeIdentity node;
    private final FileServiceStore store;
    private final ServiceActions actions;
    private final PeerPool pool;
    private final PoolCluster cluster;
    private final ProtocolEndpoint endpoint;

    /**
     * The node under {@code home} (the base when the configuration names none), its name from
     * {@code environment} first, with the drivers {@code drivers} makes (configured) from the node's
     * services a driver may reference ({@link Pool}, {@link SshSessions}), and these layers
     * (configured already).
     */
    public NodeAssembly(CoreConfiguration configuration, Path home, Map<String, String> environment,
                        Function<Map<Class<?>, Object>, ? extends Iterable<? extends ResourceDriver>> drivers,
                        List<? extends ActionLayer> layers) {
        NestorPaths paths = paths(configuration, home);
        node = new FileNodeIdentity(paths, environment);
        SshSessions ssh = new JschSessions();
        pool = PeerPool.standalone(paths, node.name(), ssh);
        drivers.apply(Map.of(Pool.class, pool, SshSessions.class, ssh)).forEach(this.drivers::addDriver);
        store = new FileServiceStore(paths, this.drivers, node, lockTimeout(configuration));
        ServiceEngine engine = ServiceEngine.standalone(paths, store, this.drivers, this.drivers, node,
                new FailoverGuard(pool, store, this.drivers, node));
        ConfigSync sync = new NewestConfigSync(store, engine);
        ActionLayer layer = atMostOne(layers);
        actions = layer == null ? engine : layer.over(engine, store, sync);
        cluster = new PoolCluster(pool, store, actions, this.drivers, node, sync);
        endpoint = new ProtocolEndpoint(cluster, store, actions);
    }

    /** The files of the node the core configuration describes in Karaf: its base, else the Karaf base. */
    public static NestorPaths paths(CoreConfiguration configuration) {
        return paths(configuration, Path.of(System.getProperty("karaf.base", ".")));
    }

    private static NestorPaths paths(CoreConfiguration configuration, Path home) {
        return new NestorPaths(configuration.base().isBlank() ? home : Path.of(configuration.base()));
    }

    /** How long a configuration change waits for a service's lock. */
    public static Duration lockTimeout(CoreConfiguration configuration) {
        return Duration.ofSeconds(configuration.lockTimeout());
    }

    /** The one layer of a list, none of none; several have no order to stack them in, as in OSGi. */
    static ActionLayer atMostOne(List<? extends ActionLayer> layers) {
        if (layers.size() > 1) {
            throw new IllegalStateException("more than one action layer installed (" + String.join(", ",
                    layers.stream().map(layer -> layer.getClass().getName()).toList())
                    + "); Nestor puts at most one over the engine");
        }
        return layers.isEmpty() ? null : layers.get(0);
    }

    /** The services a command may reference, by the types the OSGi registry offers them under. */
    public Map<Class<?>, Object> services() {
        return Map.of(KeywordDictionary.class, drivers, Drivers.class, drivers, ServiceConfigs.class, configs,
                NodeIdentity.class, node, ServiceStore.class, store, ServiceActions.class, actions, Pool.class, pool, Cluster.class, cluster,
                PeerEndpoint.class, endpoint);
    }
}
