package org.nestor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.internal.config.ConfigEvaluation;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.DriverRegistry;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + evaluate (and parse + validate, what svc:create adds) of 1,000 services of 20 resources.
 * One operation is the whole batch of services; target under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConfigBenchmark {

    @Param("1000")
    int services;

    @Param("20")
    int resources;

    private List<String> texts;
    private DriverRegistry dictionary;
    private EvaluationContext context;

    @Setup
    public void setUp() {
        texts = ServiceCorpus.services(services, resources);
        dictionary = new DriverRegistry();
        dictionary.addDriver(new AppDriver());
        context = new EvaluationContext("hv1", List.of("hv1", "hv2", "hv3"), List.of("dr1"), System::getenv);
    }

    @Benchmark
    public void parseAndEvaluate(Blackhole blackhole) {
        for (int i = 0; i < texts.size(); i++) {
            ServiceConfig config = ConfigReader.read(texts.get(i), "svc" + i + ".conf");
            blackhole.consume(new ConfigEvaluation("svc" + i, config, dictionary, context).evaluateAll());
        }
    }

    @Benchmark
    public void parseAndValidate(Blackhole blackhole) {
        for (int i = 0; i < texts.size(); i++) {
            blackhole.consume(dictionary.validate(ConfigReader.read(texts.get(i), "svc" + i + ".conf")));
        }
    }
}
