package org.nestor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.libvirt.internal.AnyLibvirtDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * container.libvirt on libvirt's test driver, and its SSH transport to a loopback sshd (made by
 * bundle-libvirt's loopback-sshd.sh; run from the repository root, as root, with libvirt0 and
 * openssh-server):
 * <ul>
 * <li>{@code startStop}: the resource's start + stop of a shut-off domain without hostname (state
 * checks, create, wait running, shutdown, wait shut off);</li>
 * <li>{@code rawStartStop}: the same domain by libvirt-java calls alone (create, shutdown, state);</li>
 * <li>{@code sshExec}: {@code true} in the "guest" through the resource's SSH transport, on a
 * reused session.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LibvirtBenchmark {

    private static final String SSHD = "bundle-libvirt/src/test/ssh/loopback-sshd.sh";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Path work;
    private String uri;
    private ContainerResource domain;
    private ContainerResource guest;
    private Connect raw;
    private final JschSessions ssh = new JschSessions();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        work = Files.createTempDirectory("nestor-bench-libvirt");
        Path node = Files.copy(Path.of("bundle-libvirt/src/test/resources/test-node.xml"), work.resolve("node.xml"));
        uri = "test://" + node;
        CommandResult sshd = Commands.local().run(List.of(SSHD, "start", work.toString()), TIMEOUT);
        if (!sshd.succeeded()) {
            throw new IllegalStateException("sshd: " + sshd.reason());
        }
        domain = resource(Map.of("name", "off1", "uri", uri, "start_timeout", 10L, "stop_timeout", 10L));
        guest = resource(Map.of("name", "off1", "uri", uri, "hostname", "127.0.0.1", "ssh_user", "nestorssh",
                "ssh_port", Long.parseLong(sshd.stdout().strip()), "ssh_key", work.resolve("client").toString()));
        raw = new Connect(uri);
    }

    /** The work directory holds known_hosts, as etc/nestor does on a node. */
    private ContainerResource resource(Map<String, Object> values) throws ResourceException {
        return new AnyLibvirtDriver(ssh).create(ResourceContext.of("bench", "container#1", "bench1", values, work, work,
                ResourceLog.SILENT));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        raw.close();
        ssh.closeAll();
        Commands.local().run(List.of(SSHD, "stop", work.toString()), TIMEOUT);
        Commands.local().run(List.of("rm", "-rf", work.toString()), TIMEOUT);
    }

        @Benchmark
    public void startStop() throws ResourceException {
        domain.start();
        domain.stop();
    }

    /** Another domain of the same node (up1), so that the two never meet. */
    @Benchmark
    public void rawStartStop() throws LibvirtException {
        Domain twin = raw.domainLookupByName("up1");
        if (twin.getInfo().state == DomainState.VIR_DOMAIN_SHUTOFF) {
            twin.create();
        }
        while (twin.getInfo().state != DomainState.VIR_DOMAIN_RUNNING) {
            Thread.onSpinWait();
        }
        twin.shutdown();
        while (twin.getInfo().state != DomainState.VIR_DOMAIN_SHUTOFF) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    public CommandResult sshExec() {
        CommandResult result = guest.exec(List.of("true"), null, TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("exec failed: " + result);
        }
        return result;
    }
}
