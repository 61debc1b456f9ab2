package org.nestor.libvirt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.status.Status;

/**
 * A real KVM domain on qemu:///system: diskless, 64 MiB, no operating system, so that it runs
 * but ignores the ACPI shutdown request (the destroy fallback). src/test/kvm/libvirtd.sh starts
 * libvirtd when it is not running.
 */
class KvmDomainTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final String name = "nk" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> log = new ArrayList<>();
    private final LibvirtConnections connections = new LibvirtConnections();
    /** No domain here has a hostname: no SSH session is opened. */
    private final SshSessions ssh = new JschSessions();

    @BeforeAll
    static void requireKvm() {
        Components.require("KVM with libvirtd (root, /dev/kvm, libvirtd, qemu-system-x86_64)", Components.root()
                && Components.libvirt() && Files.exists(Path.of("/dev/kvm"))
                && Components.executable("/usr/sbin/libvirtd") && Components.executable("/usr/bin/qemu-system-x86_64"),
                "libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86");
        CommandResult daemon = Commands.local().run(List.of(Path.of("src/test/kvm/libvirtd.sh").toAbsolutePath()
                .toString()), TOOL_TIMEOUT);
        if (!daemon.succeeded()) {
            throw new IllegalStateException("libvirtd: " + daemon.reason());
        }
    }

    @AfterEach
    void undefine() {
        connections.closeAll();
        Commands.local().run(List.of("virsh", "-c", "qemu:///system", "destroy", name), TOOL_TIMEOUT);
        Commands.local().run(List.of("virsh", "-c", "qemu:///system", "undefine", name), TOOL_TIMEOUT);
    }

    private DomainResource domain(Map<String, Object> extra) throws Exception {
        Path xml = work.resolve(name + ".xml");
        Files.writeString(xml, "<domain type='kvm'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64'>hvm</type></os><devices><serial type='file'><source path='"
                + work.resolve("console.log") + "'/></serial></devices></domain>");
        Map<String, Object> values = new HashMap<>(Map.of("name", name, "start_timeout", 60L, "stop_timeout", 3L));
        values.putAll(extra);
        return (DomainResource) new KvmDriver(connections, ssh).create(ResourceContext.of("svc", "container#1", "hv1", values, work,
                work, ResourceLog.to(log::add)));
    }

    @Test
    void aDomainThatIgnoresShutdownIsDestroyedAfterItsStopTimeout() throws Exception {
        DomainResource kvm = domain(Map.of());
        assertEquals(Status.DOWN, kvm.status().status());
        kvm.start();
        assertTrue(log.contains("INFO defined " + name + " on qemu:///system from " + work.resolve(name + ".xml")),
                log.toString());
        assertEquals(Status.UP, kvm.status().status());
        assertTrue(Domains.list(connections, "qemu:///system").stream().anyMatch(row -> row.name().equals(name)
                && row.state().equals("running") && row.id() > 0));

        long start = System.nanoTime();
        kvm.stop();
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(3).toNanos(), "the shutdown was given its time");
        assertTrue(log.contains("WARN " + name + " did not stop within 3s: forcing it down"), log.toString());
        assertEquals(Status.DOWN, kvm.status().status());
    }

    @Test
    void theGuestAgentTransportSaysWhenTheGuestHasNoAgent() throws Exception {
        DomainResource kvm = domain(Map.of("transport", "qga", "start_timeout", 5L));
        ResourceException e = assertThrows(ResourceException.class, kvm::start);
        assertTrue(e.getMessage().contains(name + " operational"), e.getMessage());
        CommandResult exec = kvm.exec(List.of("true"), null, Duration.ofSeconds(5));
        assertEquals(255, exec.exitCode());
        assertTrue(exec.stderr().contains("agent"), exec.stderr());
    }
}
