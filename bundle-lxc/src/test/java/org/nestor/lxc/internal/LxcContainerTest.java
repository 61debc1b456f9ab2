package org.nestor.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.Status;

/**
 * Real LXC containers (busybox template, no network) in a private lxc path. Skipped on a
 * machine without root or the lxc tools, except under CI=true, where that is a failure.
 */
class LxcContainerTest {

    @TempDir
    Path work;

    private Path lxcPath;
    private Path data;
    private final List<String> log = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    @BeforeAll
    static void requireLxc() {
        LxcTestSupport.requireLxc();
    }

    @BeforeEach
    void setUp() throws IOException {
        // lxc refuses some paths under /tmp's sticky directories for others; the test's own dir is fine as root
        lxcPath = Files.createDirectories(work.resolve("lxc"));
        data = Files.createDirectories(work.resolve("data"));
        Files.writeString(work.resolve("net.conf"), "lxc.net.0.type = empty\n");
    }

    @AfterEach
    void destroyLeftovers() {
        for (String name : created) {
            run("lxc-stop", "-n", name, "-P", lxcPath.toString(), "--kill");
            run("lxc-destroy", "-n", name, "-P", lxcPath.toString());
        }
    }

    private String newName() {
        String name = "nt" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return name;
    }

    private LxcContainer container(String name, Map<String, Object> extra) throws ResourceException {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("container_data_dir", lxcPath.toString());
        values.put("cf", work.resolve("net.conf").toString());
        values.put("template", "busybox");
        values.put("start_timeout", 30L);
        values.put("stop_timeout", 10L);
        values.putAll(extra);
        return new LxcContainer(context(values), null);
    }

    @Test
    void provisionStartExecCopyStopUnprovision() throws Exception {
        String name = newName();
        LxcContainer container = container(name, Map.of());
        assertEquals(Boolean.FALSE, container.provisioned());
        assertEquals(Status.DOWN, container.status().status());
        container.provision();
        assertEquals(Boolean.TRUE, container.provisioned());

        container.start();
        assertEquals(Status.UP, container.status().status());
        assertTrue(Files.exists(data.resolve("lxc-" + name + ".log")), "lxc-start logs into the data directory");
        assertTrue(container.operational());
        assertEquals(name, container.guestHostname());
        assertTrue(Files.exists(Path.of("/proc/" + container.pid().orElseThrow() + "/ns/net")), "its init's pid");

        CommandResult result = container.exec(List.of("/bin/sh", "-c", "read line; echo got $line; exit 7"),
                "hello\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertEquals(7, result.exitCode());
        assertEquals("got hello\n", result.stdout());
        CommandResult env = container.exec(List.of("env"), null, Duration.ofSeconds(10));
        assertFalse(env.stdout().contains("JAVA_HOME"), "--clear-env keeps the host's environment out");

        byte[] content = new byte[70_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path local = work.resolve("in.bin");
        Files.write(local, content);
        container.copyIn(local, "/tmp/copied.bin");
        Path back = work.resolve("out/back.bin");
        container.copyOut("/tmp/copied.bin", back);
        assertArrayEquals(content, Files.readAllBytes(back));
        ResourceException missing = assertThrows(ResourceException.class,
                () -> container.copyOut("/no/such/file", work.resolve("never.bin")));
        assertTrue(missing.getMessage().contains("/no/such/file"), missing.getMessage());
        assertFalse(Files.exists(work.resolve("never.bin")));

        container.stop();
        assertEquals(Status.DOWN, container.status().status());
        assertFalse(container.operational());
        assertTrue(container.pid().isEmpty(), "no pid once stopped");

        container.unprovision();
        assertEquals(Boolean.FALSE, container.provisioned());
        assertFalse(Files.exists(lxcPath.resolve(name)));
    }

    @Test
    void anExecThatOutlivesItsTimeoutIsKilledInsideTheContainerToo() throws Exception {
        String name = newName();
        LxcContainer container = container(name, Map.of());
        container.provision();
        container.start();
        CommandResult result = container.exec(List.of("sleep", "300"), null, Duration.ofSeconds(1));
        assertTrue(result.timedOut());
        CommandResult sleeping = container.exec(List.of("/bin/sh", "-c", "ps | grep -v grep | grep -c 'sleep 300'"),
                null, Duration.ofSeconds(10));
        assertEquals("0", sleeping.stdout().strip());
        container.stop();
    }

    @Test
    void aContainerWhoseInitIgnoresTheHaltSignalIsKilledAfterStopTimeout() throws Exception {
        String name = newName();
        LxcContainer container = container(name, Map.of("stop_timeout", 2L));
        container.provision();
        Path rootfs = lxcPath.resolve(name).resolve("rootfs");
        Files.writeString(rootfs.resolve("stubborn.sh"), "trap '' TERM USR1 PWR INT HUP\nwhile :; do sleep 1; done\n");
        Files.writeString(lxcPath.resolve(name).resolve("config"), "lxc.init.cmd = /bin/sh /stubborn.sh\n",
                java.nio.file.StandardOpenOption.APPEND);
        container.start();
        long start = System.nanoTime();
        container.stop();
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertEquals(Status.DOWN, container.status().status());
        assertTrue(seconds >= 2, "waited the graceful stop first");
        assertTrue(log.contains("WARN " + name + " did not stop within 2s: forcing it down"), log.toString());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("INFO killing " + name + ": ")
                && line.endsWith(" --kill")), log.toString());
    }

    @Test
    void aMissingContainerIsAClearErrorAndDown() throws Exception {
        LxcContainer container = container("nestor-no-such-container", Map.of("template", ""));
        ResourceException e = assertThrows(ResourceException.class, container::start);
        assertEquals("container nestor-no-such-container does not exist in " + lxcPath, e.getMessage());
        assertEquals(Status.DOWN, container.status().status());
        assertEquals(Boolean.FALSE, container.provisioned());
        container.stop();
        ResourceException noTemplate = assertThrows(ResourceException.class, container::provision);
        assertEquals("cannot provision nestor-no-such-container: no template keyword", noTemplate.getMessage());
    }

    @Test
    void unprovisionLeavesAContainerTheServiceDidNotCreate() throws Exception {
        String name = newName();
        run("lxc-create", "-n", name, "-P", lxcPath.toString(), "-t", "busybox", "-f", work.resolve("net.conf").toString());
        LxcContainer container = container(name, Map.of());
        ResourceException e = assertThrows(ResourceException.class, container::unprovision);
        assertTrue(e.getMessage().startsWith("not destroying " + name + ": service svc did not create it"),
                e.getMessage());
        assertTrue(Files.isDirectory(lxcPath.resolve(name).resolve("rootfs")));
    }

    @Test
    void unprovisionLeavesARootfsOutsideTheContainerDirectory() throws Exception {
        String name = newName();
        Path shared = Files.createDirectories(work.resolve("shared-rootfs"));
        Files.writeString(shared.resolve("precious"), "data of others\n");
        Files.writeString(work.resolve("shared.conf"), "lxc.net.0.type = empty\nlxc.rootfs.path = dir:" + shared + "\n");
        LxcContainer container = container(name, Map.of("cf", work.resolve("shared.conf").toString()));
        container.provision();
        ResourceException e = assertThrows(ResourceException.class, container::unprovision);
        assertTrue(e.getMessage().contains("lies outside"), e.getMessage());
        assertTrue(Files.exists(shared.resolve("precious")));
    }

    @Test
    void missingToolsAreNamed() throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-tools"));
        LxcContainer container = new LxcContainer(context(Map.of("name", "c1")), empty);
        ResourceException e = assertThrows(ResourceException.class, container::start);
        assertEquals("lxc tools not found: " + empty.resolve("lxc-info") + " is not in " + empty
                + " (install the lxc package)", e.getMessage());
        assertEquals(Status.UNDEF, container.status().status());
        assertNull(container.provisioned());
        assertEquals(GuestTransport.UNJOINABLE, container.exec(List.of("true"), null, Duration.ofSeconds(5)).exitCode(),
                "the guest cannot be joined without lxc-attach");
    }

    private static void run(String... argv) {
        Commands.local().run(List.of(argv), Duration.ofSeconds(60));
    }

    /** The evaluated keywords of one container#1 of service "svc". */
    private ResourceContext context(Map<String, Object> values) {
        return ResourceContext.of("svc", "container#1", "hv1", values, data, data, ResourceLog.to(log::add));
    }
}
