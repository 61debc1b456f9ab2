package org.nestor.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.nestor.itests.guest.Guests;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Feature nestor-lxc uninstalled from and installed into a running Nestor (the core staying): its
 * type leaves and comes back without a restart, and a service of a real busybox container
 * provisions, starts, shows, stops and unprovisions from the console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LxcFeatureIT extends NestorKarafTestSupport {

    @Test
    public void hotInstalledFeatureRunsARealContainer() throws Exception {
        String keywords = hotInstall("nestor-lxc", "org.nestor.lxc", "container.lxc");
        assertTrue(keywords, keywords.contains("template") && keywords.contains("container_data_dir"));

        Assume.assumeTrue("real LXC needs root and the lxc tools", Guests.available());

        Path work = Files.createTempDirectory("nestor-lxc-it");
        Files.writeString(work.resolve("net.conf"), "lxc.net.0.type = empty\n");
        String name = "it" + UUID.randomUUID().toString().substring(0, 8);
        Path config = work.resolve("guest.conf");
        Files.writeString(config, "[DEFAULT]\nnodes = " + NODE + "\n\n[container#1]\ntype = lxc\nname = " + name
                + "\ntemplate = busybox\ncf = " + work.resolve("net.conf") + "\ncontainer_data_dir = "
                + work.resolve("containers") + "\nstop_timeout = 10s\n");
        execute("svc:create --config " + config + " guest");
        try {
            execute("svc:provision guest");
            execute("svc:start guest");
            String status = execute("svc:print-status guest");
            assertTrue(status, status.matches("(?s).*container#1 .*up .*lxc " + name + ".*"));
            execute("svc:stop guest");
            assertTrue(execute("svc:print-status guest").matches("(?s).*container#1 .*down .*"));
            execute("svc:unprovision guest");
            assertFalse(Files.exists(work.resolve("containers").resolve(name)));
        } finally {
            execute("svc:delete guest");
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
