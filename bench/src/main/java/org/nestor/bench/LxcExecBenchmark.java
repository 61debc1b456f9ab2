package org.nestor.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceLog;
import org.nestor.lxc.internal.LxcDriver;
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
 * The exec round trip into a running busybox container: Nestor's container.lxc transport
 * ({@code ContainerResource.exec}, lxc-attach run by the core's Commands) against the same
 * {@code lxc-attach -- true} started with a bare ProcessBuilder. Needs root and the lxc package.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LxcExecBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Path work;
    private String name;
    private ContainerResource container;

    @Setup
    public void setUp() throws Exception {
        work = Files.createTempDirectory("nestor-bench-lxc");
        name = "bx" + ProcessHandle.current().pid();
        Path lxcPath = Files.createDirectories(work.resolve("lxc"));
        Path net = Files.writeString(work.resolve("net.conf"), "lxc.net.0.type = empty\n");
        Map<String, Object> values = Map.of("name", name, "container_data_dir", lxcPath.toString(),
                "cf", net.toString(), "template", "busybox", "start_timeout", 30L, "stop_timeout", 10L);
        container = new LxcDriver().create(ResourceContext.of("bench", "container#1", "bench1", values, work,
                Files.createDirectories(work.resolve("data")), ResourceLog.SILENT));
        container.provision();
        container.start();
    }

    @TearDown
    public void tearDown() throws Exception {
        container.stop();
        container.unprovision();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Benchmark
    public CommandResult nestorExec() {
        return checked(container.exec(List.of("true"), null, TIMEOUT));
    }

    @Benchmark
    public int rawLxcAttach() throws IOException, InterruptedException {
        Process attach = new ProcessBuilder("lxc-attach", "-n", name, "-P", work.resolve("lxc").toString(),
                "--clear-env", "--", "true").inheritIO().start();
        return attach.waitFor();
    }

    private static CommandResult checked(CommandResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("exec failed: " + result);
        }
        return result;
    }
}
