package org.nestor.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The action engine's overhead: a start then a stop of a service of {@code resources} no-op
 * resources spread evenly over ip, disk, fs, container and app. The per-resource overhead is
 * the slope between the two sizes, (T(100) - T(10)) / 90, halved for one action; target under
 * 50 µs. What stays, T(10) minus ten resources' worth, is the fixed cost of an action.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 3)
@Fork(1)
public class EngineBenchmark {

    @Param({"10", "100"})
    int resources;

    private ScratchNestor nestor;
    private final ActionOptions quiet = ActionOptions.all(line -> { });

    @Setup
    public void setUp() throws IOException {
        nestor = new ScratchNestor();
        nestor.create("cycle", ScratchNestor.GROUPS, resources / ScratchNestor.GROUPS.size());
    }

    @TearDown
    public void tearDown() throws IOException {
        nestor.close();
    }

    @Benchmark
    public void startThenStop() {
        nestor.engine.run("cycle", ServiceAction.START, quiet);
        nestor.engine.run("cycle", ServiceAction.STOP, quiet);
    }
}
