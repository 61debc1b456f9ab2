package org.nestor.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.config.ConfigException;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.Dictionaries;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.store.ServiceLock;
import org.nestor.core.store.StoreException;

class FileServiceStoreTest {

    private static final String VALID = "[DEFAULT]\nnodes = n1 n2\n\n[app#1]\nstart = /bin/true\n";

    @TempDir
    Path base;

    private FileServiceStore store;

    @BeforeEach
    void setUp() {
        NestorPaths paths = new NestorPaths(base);
        store = new FileServiceStore(paths, Dictionaries.builtIn(),
                new FileNodeIdentity(paths, Map.of("NESTOR_NODE", "n1")), Duration.ofMillis(300));
    }

    private static ServiceConfig config(String ini) {
        return ConfigReader.read(ini, "input.conf");
    }

    @Test
    void createsListsReadsAndVersions() throws IOException {
        store.create("web", config(VALID), false, null);
        store.create("db", config(VALID), false, null);
        assertEquals(List.of("db", "web"), store.list());
        assertEquals(VALID, Files.readString(base.resolve("etc/nestor/services/web.conf")));
        assertEquals("/bin/true", store.read("web").section("app#1").get("start"));
        assertEquals(Files.getLastModifiedTime(store.file("web")).toInstant(), store.version("web"));
        try (var files = Files.list(store.servicesDirectory())) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesAnExistingServiceUnlessReplacing() throws IOException {
        store.create("web", config(VALID), false, null);
        assertEquals("service 'web' exists: use --force to replace it",
                assertThrows(StoreException.class, () -> store.create("web", config(VALID), false, null)).getMessage());
        store.create("web", config(VALID.replace("n1 n2", "n1")), true, null);
        assertTrue(Files.readString(store.file("web")).contains("nodes = n1\n"));
    }

    @Test
    void invalidInputChangesNothingOnDisk() throws IOException {
        store.create("web", config(VALID), false, null);
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(store.file("web"), before);
        for (String bad : List.of("[DEFAULT]\nnodez = a\n", "[app#1]\ntimeout = soon\n",
                "[env]\na = {b}\nb = {a}\n[app#1]\nstart = {env.a}\n")) {
            assertThrows(ConfigException.class, () -> store.create("web", config(bad), true, null));
            assertThrows(ConfigException.class, () -> store.create("other", config(bad), false, null));
        }
        assertThrows(ConfigException.class,
                () -> store.edit("web", c -> c.getOrAdd("app#1").put("timeout", "soon", 0), null));
        assertEquals(VALID, Files.readString(store.file("web")));
        assertEquals(before, Files.getLastModifiedTime(store.file("web")));
        assertEquals(List.of("web"), store.list());
    }

    @Test
    void rejectsServiceNamesThatAreNotPlainWords() {
        for (String name : List.of("a/b", "..", "../x", "a b", "a;b", "$(x)", "a|b", "", "-a", "a".repeat(64))) {
            StoreException error = assertThrows(StoreException.class, () -> store.create(name, config(VALID), false, null),
                    name);
            assertTrue(error.getMessage().startsWith("invalid service name '" + name + "'"), error.getMessage());
        }
        assertEquals(List.of(), store.list());
    }

    @Test
    void editsAreValidatedAndAtomic() {
        store.create("web", config(VALID), false, null);
        ServiceConfig edited = store.edit("web", c -> c.getOrAdd("app#2").put("start", "/bin/false", 0), null);
        assertEquals("/bin/false", edited.section("app#2").get("start"));
        assertEquals("/bin/false", store.read("web").section("app#2").get("start"));
    }

    @Test
    void deleteRemovesTheFileAndTheDataButNotTheLock() throws IOException {
        store.create("web", config(VALID), false, null);
        Path data = base.resolve("data/nestor/web");
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("sub/status.json"), "{}");
        store.delete("web");
        assertFalse(Files.exists(store.file("web")));
        assertFalse(Files.exists(data.resolve("sub")));
        assertTrue(Files.exists(data.resolve("lock")));
        assertEquals("no service 'web' (" + store.file("web") + ")",
                assertThrows(StoreException.class, () -> store.delete("web")).getMessage());
    }

    @Test
    void aSecondThreadWaitsForTheLockThenGivesUpNamingTheHolder() throws Exception {
        try (ServiceLock held = store.lock("web", Duration.ofSeconds(1))) {
            StoreException error = CompletableFuture.supplyAsync(
                    () -> assertThrows(StoreException.class, () -> store.lock("web", Duration.ofMillis(200))))
                    .get(5, TimeUnit.SECONDS);
            assertTrue(error.getMessage().startsWith("service 'web' is locked by pid " + ProcessHandle.current().pid()),
                    error.getMessage());
            try (ServiceLock again = store.lock("web", Duration.ofMillis(10))) {
                assertTrue(true, "the holding thread may take it again");
            }
        }
        try (ServiceLock free = store.lock("web", Duration.ofMillis(10))) {
            assertTrue(true, "released");
        }
    }

    @Test
    void theLockHoldsAgainstAnotherProcess() throws Exception {
        Path lockFile = base.resolve("data/nestor/web/lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), "web", lockFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("locked", out.readLine());
            StoreException error = assertThrows(StoreException.class,
                    () -> store.create("web", config(VALID), false, null));
            assertTrue(error.getMessage().startsWith("service 'web' is locked by pid " + holder.pid()),
                    error.getMessage());
            assertFalse(Files.exists(store.file("web")));
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
        } finally {
            holder.destroyForcibly();
        }
        store.create("web", config(VALID), false, null);
        assertTrue(store.exists("web"));
    }
}
