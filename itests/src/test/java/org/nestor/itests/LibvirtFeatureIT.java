package org.nestor.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Feature nestor-libvirt (libvirt-java wrapped, JNA, JSch) installed into a running Nestor: the
 * kvm, xen and libvirt types and libvirt:domains appear without a restart, and a service whose
 * container is a domain of libvirt's test driver starts, shows up and stops from the console.
 * The test driver keeps its state in the connection, which the agent holds for its lifetime.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LibvirtFeatureIT extends NestorKarafTestSupport {

    @Test
    public void hotInstalledFeatureDrivesATestDriverDomain() throws Exception {
        String keywords = hotInstall("nestor-libvirt", "org.nestor.libvirt", "container.kvm");
        assertTrue(keywords, keywords.contains("qemu:///system") && keywords.contains("ssh_key"));
        assertTrue(execute("svc:print-keywords container.xen").contains("xen:///system"));

        boolean libvirt = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib").stream()
                .anyMatch(directory -> Files.exists(Path.of(directory, "libvirt.so.0")));
        if (Boolean.parseBoolean(System.getenv("CI")) && !libvirt) {
            throw new AssertionError("CI=true but libvirt is missing: .ci/run must install libvirt0");
        }
        Assume.assumeTrue("libvirt0 is missing", libvirt);
        Path work = Files.createTempDirectory("nestor-libvirt-it");
        Path node = Files.copy(Path.of(System.getProperty(SOURCES), "bundle-libvirt/src/test/resources/test-node.xml"),
                work.resolve("node.xml"));
        String uri = "test://" + node;
        Path config = Files.writeString(work.resolve("vm.conf"), "[DEFAULT]\nnodes = " + NODE + "\n\n[container#1]\n"
                + "type = libvirt\nuri = " + uri + "\nname = off1\nstop_timeout = 10s\n");
        try {
            execute("svc:create --config " + config + " vm");
            execute("svc:start vm");
            assertTrue(execute("svc:print-status --refresh vm").matches("(?s).*container#1 .*up .*libvirt off1.*"));
            String domains = execute("libvirt:domains --uri " + uri);
            assertTrue(domains, domains.matches("(?s).*\\d+ +off1 +running.*"));
            execute("svc:stop vm");
            assertTrue(execute("svc:print-status --refresh vm").matches("(?s).*container#1 .*down .*"));
            assertTrue(execute("libvirt:domains --uri " + uri).matches("(?s).*- +off1 +shut off.*"));
        } finally {
            execute("svc:delete vm");
            Processes.run(List.of("rm", "-rf", work.toString()), null, 30);
        }
    }
}
