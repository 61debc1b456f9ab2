package org.nestor.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cached status of 200 started services of 10 resources, what {@code svc:print-status --all}
 * reads before it renders (bench/bin/console-status.sh measures the whole command in Karaf).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatusBenchmark {

    private static final int SERVICES = 200;

    private ScratchNestor nestor;

    @Setup
    public void setUp() throws IOException {
        nestor = new ScratchNestor();
        for (int i = 0; i < SERVICES; i++) {
            nestor.create("svc" + i, List.of("app"), 10);
            nestor.engine.run("svc" + i, ServiceAction.START, ActionOptions.all(line -> { }));
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        nestor.close();
    }

    @Benchmark
    public void cachedStatusOf200Services(Blackhole blackhole) {
        for (int i = 0; i < SERVICES; i++) {
            blackhole.consume(nestor.engine.status("svc" + i, false));
        }
    }
}
