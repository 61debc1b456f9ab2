package org.nestor.core.internal.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.config.ConfigReader;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.config.Dictionaries;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.store.ChangeOrigin;

/**
 * What the store and the engine refuse on a service that does not exist, or on an invalid
 * configuration, leaves the base exactly as it was: no {@code data/nestor/NAME/lock}, no file at all.
 */
class MissingServiceTest {

    private static final String VALID = "[app#1]\nstart = /bin/true\n";

    @TempDir
    Path base;

    private FileServiceStore store;
    private ServiceEngine engine;

    @BeforeEach
    void setUp() {
        NestorPaths paths = new NestorPaths(base);
        DriverRegistry drivers = Dictionaries.builtIn();
        FileNodeIdentity node = new FileNodeIdentity(paths, Map.of("NESTOR_NODE", "hv1"));
        store = new FileServiceStore(paths, drivers, node, Duration.ofSeconds(1));
        engine = ServiceEngine.standalone(paths, store, drivers, drivers, node,
                new FailoverGuard(PeerPool.standalone(paths, node.name(), new JschSessions()), store, drivers, node));
        store.create("other", ConfigReader.read(VALID, "other.conf"), false, null);
    }

    /** Every file and directory under the base, relative to it. */
    private List<String> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.map(p -> base.relativize(p).toString()).sorted().toList();
        }
    }

    private void assertRefusedWritingNothing(String what, Executable operation) throws IOException {
        List<String> before = tree();
        assertThrows(RuntimeException.class, operation, what);
        assertEquals(before, tree(), what + " wrote something");
    }

    @Test
    void readsAndRefusedChangesOfAMissingServiceWriteNothing() throws IOException {
        List<String> before = tree();
        assertFalse(store.exists("ghost"));
        store.file("ghost");
        engine.actionLog("ghost");
        assertEquals(List.of("other"), store.list());
        assertEquals(before, tree(), "exists, file, actionLog or list wrote something");

        assertRefusedWritingNothing("print-config (read)", () -> store.read("ghost"));
        assertRefusedWritingNothing("version", () -> store.version("ghost"));
        assertRefusedWritingNothing("set (edit)", () -> store.edit("ghost", c -> c.getOrAdd("app#1")
                .put("start", "/bin/false", 0), null));
        assertRefusedWritingNothing("unset (edit)", () -> store.edit("ghost", c -> c.section("app#1"), null));
        assertRefusedWritingNothing("delete", () -> store.delete("ghost"));
        assertRefusedWritingNothing("print-status", () -> engine.status("ghost", false));
        assertRefusedWritingNothing("print-status --refresh", () -> engine.status("ghost", true));
        assertRefusedWritingNothing("freeze", () -> engine.setFrozen("ghost", true));
        assertRefusedWritingNothing("thaw", () -> engine.setFrozen("ghost", false));
        assertRefusedWritingNothing("start", () -> engine.run("ghost", ServiceAction.START,
                ActionOptions.all(line -> { })));
        assertRefusedWritingNothing("encapsulation", () -> engine.encapsulation("ghost"));
    }

    @Test
    void anInvalidConfigurationWritesNothing() throws IOException {
        ServiceConfig invalid = ConfigReader.read("[app#1]\ntimeout = soon\n", "ghost.conf");
        assertRefusedWritingNothing("create", () -> store.create("ghost", invalid, false, null));
        assertRefusedWritingNothing("create --force", () -> store.create("ghost", invalid, true, null));
        assertRefusedWritingNothing("install", () -> store.install("ghost", invalid, Instant.now(),
                ChangeOrigin.PEER, null));
        assertRefusedWritingNothing("create over an existing service", () -> store.create("other", invalid, true, null));
        assertRefusedWritingNothing("an invalid name", () -> store.create("../ghost",
                ConfigReader.read(VALID, "ghost.conf"), false, null));
    }
}
