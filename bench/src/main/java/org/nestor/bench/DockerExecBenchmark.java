package org.nestor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceLog;
import org.nestor.docker.internal.DockerDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exec round trip into a running busybox container through the Docker Engine API (podman's,
 * started by bundle-docker's podman-engine.sh): {@code ContainerResource.exec} of {@code true},
 * on one reused API client. Needs root and podman; run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DockerExecBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ENGINE = "bundle-docker/src/test/podman/podman-engine.sh";

    private Path work;
    private ContainerResource container;

    @Setup
    public void setUp() throws Exception {
        work = Files.createTempDirectory("nestor-bench-docker");
        CommandResult engine = Commands.local().run(List.of(ENGINE, "start", work.resolve("engine").toString()),
                TIMEOUT);
        if (!engine.succeeded()) {
            throw new IllegalStateException("podman engine: " + engine.reason());
        }
        Map<String, Object> values = Map.of("image", "localhost/nestor-mini:latest", "rm", true,
                "command", "sh -c 'trap \"exit 0\" TERM; while :; do sleep 1; done'",
                "docker_host", engine.stdout().strip(), "start_timeout", 30L, "stop_timeout", 10L);
        container = new DockerDriver().create(ResourceContext.of("bench", "container#1", "bench1", values, work, work,
                ResourceLog.SILENT));
        container.start();
    }

    @TearDown
    public void tearDown() throws Exception {
        container.stop();
        Commands.local().run(List.of(ENGINE, "stop", work.resolve("engine").toString()), TIMEOUT);
        Commands.local().run(List.of("rm", "-rf", work.toString()), TIMEOUT);
    }

    @Benchmark
    public CommandResult nestorExec() {
        CommandResult result = container.exec(List.of("true"), null, TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("exec failed: " + result);
        }
        return result;
    }
}
