package org.nestor.docker.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.Status;

/** container.docker against podman's Docker-compatible API (a real engine, see {@link Podman}). */
class DockerContainerTest {

    /** PID 1 of the test containers: leaves on SIGTERM. */
    private static final String IDLE = "sh -c 'trap \"exit 0\" TERM; while :; do sleep 1; done'";

    private static Podman podman;

    @TempDir
    Path work;

    private final String service = "dt" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> log = new ArrayList<>();
    private final DockerDriver driver = new DockerDriver();

    @BeforeAll
    static void startEngine() {
        podman = Podman.start();
    }

    @AfterAll
    static void stopEngine() {
        if (podman != null) {
            podman.close();
        }
    }

    @AfterEach
    void removeContainers() {
        // twice: a container sharing another's network namespace keeps that one from going first
        for (int pass = 0; pass < 2; pass++) {
            String ids = podman.podman("ps", "-aq", "--filter", "label=" + DockerContainer.SERVICE_LABEL + "=" + service)
                    .stdout();
            for (String id : ids.strip().split("\\s+")) {
                if (!id.isBlank()) {
                    podman.podman("rm", "-f", "-t", "0", id);
                }
            }
        }
        driver.close();
    }

    private DockerContainer container(String rid, Map<String, Object> extra) throws ResourceException {
        Map<String, Object> values = new HashMap<>();
        values.put("image", Podman.IMAGE);
        values.put("command", IDLE);
        values.put("docker_host", podman.dockerHost());
        values.put("start_timeout", 30L);
        values.put("stop_timeout", 10L);
        values.putAll(extra);
        return (DockerContainer) driver.create(ResourceContext.of(service, rid, "hv1", values, work, work,
                ResourceLog.to(log::add)));
    }

    @Test
    void startsAnExistingContainerRatherThanRecreatingIt() throws Exception {
        DockerContainer container = container("container#1", Map.of());
        assertEquals(service + ".container.1", container.name());
        assertEquals(Status.DOWN, container.status().status());

        container.start();
        assertEquals(Status.UP, container.status().status());
        String labels = podman.podman("inspect", "--format", "{{index .Config.Labels \"org.nestor.rid\"}}",
                container.name()).stdout().strip();
        assertEquals("container#1", labels);
        String firstId = id(container);
        container.start();
        assertTrue(log.contains("INFO " + container.name() + " already running"), log.toString());

        container.stop();
        assertEquals(Status.DOWN, container.status().status());
        container.start();
        assertEquals(firstId, id(container), "a stopped container is started again, not re-created");
        container.stop();
    }

    @Test
    void rmRemovesBeforeStartAndAfterStop() throws Exception {
        DockerContainer container = container("container#1", Map.of("rm", true));
        container.start();
        container.stop();
        assertNotEquals(0, podman.podman("container", "exists", container.name()).exitCode(), "removed after stop");
        assertEquals(Status.DOWN, container.status().status());
    }

    @Test
    void execKeepsStdinAndExitCodesAndCopiesBinaryFilesBothWays() throws Exception {
        DockerContainer container = container("container#1", Map.of());
        container.start();
        assertTrue(container.operational());
        long pid = container.pid().orElseThrow();
        assertTrue(Files.exists(Path.of("/proc/" + pid + "/ns/net")), "the host sees the container's first process");
        CommandResult result = container.exec(List.of("sh", "-c", "read line; echo got $line; echo oops >&2; exit 7"),
                "hello\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(20));
        assertEquals(7, result.exitCode(), result.toString());
        assertEquals("got hello\n", result.stdout());
        assertEquals("oops\n", result.stderr());
        assertEquals(127, container.exec(List.of("/no/such/program"), null, Duration.ofSeconds(20)).exitCode(),
                "a missing program is the guest's 127");

        byte[] content = new byte[70_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7);
        }
        Path local = Files.write(work.resolve("in.bin"), content);
        container.copyIn(local, "/tmp/copied.bin");
        Path back = work.resolve("out/back.bin");
        container.copyOut("/tmp/copied.bin", back);
        assertArrayEquals(content, Files.readAllBytes(back));
        ResourceException missing = assertThrows(ResourceException.class,
                () -> container.copyOut("/no/such/file", work.resolve("never.bin")));
        assertTrue(missing.getMessage().contains("/no/such/file"), missing.getMessage());
        assertFalse(Files.exists(work.resolve("never.bin")));
        container.stop();
        assertEquals(255, container.exec(List.of("true"), null, Duration.ofSeconds(10)).exitCode(),
                "a stopped container is unjoinable");
    }

    @Test
    void anExecThatOutlivesItsTimeoutIsKilled() throws Exception {
        DockerContainer container = container("container#1", Map.of());
        container.start();
        CommandResult result = container.exec(List.of("sleep", "300"), null, Duration.ofSeconds(1));
        assertTrue(result.timedOut());
        String left = container.exec(List.of("sh", "-c", "ps | grep -v grep | grep -c 'sleep 300' || true"), null,
                Duration.ofSeconds(10)).stdout().strip();
        assertEquals("0", left, "the timed-out exec is killed inside the container");
        container.stop();
    }

    @Test
    void appContainerSharesTheHolderNetworkNamespaceAndDependsOnIt() throws Exception {
        DockerContainer holder = container("container#0", Map.of());
        DockerContainer app = container("container#1", Map.of("netns", "container#0"));
        assertEquals(List.of("container#0"), app.dependencies());
        ResourceException early = assertThrows(ResourceException.class, app::start);
        assertTrue(early.getMessage().contains("container#0") && early.getMessage().contains("not running"),
                early.getMessage());

        holder.start();
        app.start();
        String mode = podman.podman("inspect", "--format", "{{.HostConfig.NetworkMode}}", app.name()).stdout().strip();
        assertEquals("container:" + id(holder), mode);
        app.stop();
        holder.stop();
    }

    @Test
    void aContainerIgnoringSigtermIsKilledAfterItsStopTimeout() throws Exception {
        DockerContainer stubborn = container("container#1", Map.of("stop_timeout", 2L,
                "command", "sh -c 'trap \"\" TERM; while :; do sleep 1; done'"));
        stubborn.start();
        long start = System.nanoTime();
        stubborn.stop();
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(2).toNanos(), "the graceful stop was given its time");
        assertEquals(Status.DOWN, stubborn.status().status());
    }

    @Test
    void aMissingImageIsAClearErrorAndNothingIsPulledUnlessAsked() throws Exception {
        DockerContainer container = container("container#1", Map.of("image", "localhost/nestor-absent:1"));
        ResourceException e = assertThrows(ResourceException.class, container::start);
        assertTrue(e.getMessage().contains("localhost/nestor-absent:1") && e.getMessage().contains("pull = true"),
                e.getMessage());
        assertNotEquals(0, podman.podman("container", "exists", container.name()).exitCode());
    }

    @Test
    void anAbsentSocketFailsFastWithTheHostNamed() throws Exception {
        Path socket = work.resolve("no-engine.sock");
        DockerContainer container = container("container#1", Map.of("docker_host", "unix://" + socket));
        ResourceException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(ResourceException.class, container::start), "no hang on an absent engine");
        assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
        assertEquals(Status.UNDEF, container.status().status());
        assertEquals(255, container.exec(List.of("true"), null, Duration.ofSeconds(5)).exitCode());
    }

    @Test
    void detachFalseRunsTheContainerToItsEnd() throws Exception {
        DockerContainer once = container("container#1", Map.of("detach", false, "command", "sh -c 'exit 0'"));
        once.start();
        assertEquals(Status.NA, once.status().status());
        DockerContainer failing = container("container#2", Map.of("detach", false, "command", "sh -c 'exit 3'"));
        ResourceException e = assertThrows(ResourceException.class, failing::start);
        assertTrue(e.getMessage().contains("exited 3"), e.getMessage());
    }

    private String id(DockerContainer container) {
        return podman.podman("inspect", "--format", "{{.Id}}", container.name()).stdout().strip();
    }
}
