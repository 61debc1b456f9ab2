package org.nestor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.testsupport.FakeDriver;
import org.nestor.testsupport.FakeWorld;

/**
 * A Nestor base in a scratch directory with the real store and engine, and a {@link FakeDriver}
 * of type {@code noop} in each of ip, disk, fs, container and app (its world records nothing), so
 * that a benchmark pays for the lock file, the action log and the status cache as in production,
 * and for nothing a driver does.
 */
final class ScratchNestor implements AutoCloseable {

    static final List<String> GROUPS = List.of("ip", "disk", "fs", "container", "app");

    final ServiceEngine engine;
    private final Path base;
    private final FileServiceStore store;

    ScratchNestor() throws IOException {
        base = Files.createTempDirectory("nestor-bench");
        NestorPaths paths = new NestorPaths(base);
        DriverRegistry drivers = new DriverRegistry();
        FakeWorld world = FakeWorld.unrecorded();
        GROUPS.forEach(group -> drivers.addDriver(new FakeDriver(group, "noop", world)));
        FileNodeIdentity node = new FileNodeIdentity(paths, Map.of("NESTOR_NODE", "hv1"));
        store = new FileServiceStore(paths, drivers, node, Duration.ofSeconds(10));
        engine = ServiceEngine.standalone(paths, store, drivers, drivers, node,
                new FailoverGuard(PeerPool.standalone(paths, node.name(), new JschSessions()), store, drivers, node));
    }

    /** Creates a service of {@code perGroup} no-op resources in each of the given groups. */
    void create(String name, List<String> groups, int perGroup) {
        StringBuilder ini = new StringBuilder("[DEFAULT]\nnodes = hv1 hv2\n");
        for (String group : groups) {
            for (int i = 0; i < perGroup; i++) {
                ini.append('[').append(group).append('#').append(i).append("]\ntype = noop\n");
            }
        }
        store.create(name, ConfigReader.read(ini.toString(), name + ".conf"), true, null);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
