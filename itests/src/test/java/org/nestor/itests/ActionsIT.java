package org.nestor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.testsupport.FakeWorld;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/** Actions and status in the console of a booted Nestor, with a driver that comes and goes. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ActionsIT extends NestorKarafTestSupport {

    private Path base() {
        return Path.of(System.getProperty("karaf.base"));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(Files.createTempFile(base().resolve("data/tmp"), name, ".conf"), content);
    }

    @Test
    public void aDriverRegisteredAtRuntimeIsDrivenByTheEngineAndLeavesItsResourcesUndef() throws IOException {
        FakeWorld world = new FakeWorld();
        ServiceRegistration<ResourceDriver> registration = registerItestDriver(world);
        Path flag = base().resolve("data/tmp/itapp.up");
        execute("svc:create --config " + file("guest", String.join("\n",
                "[container#1]", "type = itest", "image = busybox",
                "[app#1]",
                "start = /usr/bin/touch " + flag,
                "stop = /bin/rm -f " + flag,
                "check = /usr/bin/test -f " + flag, "")) + " itguest");
        try {
            String started = execute("svc:start itguest");
            assertTrue(started, started.contains("hv1.itguest.container#1 INFO started"));
            assertTrue(world.isUp("itguest", "container#1"));
            assertTrue(Files.exists(flag));
            String json = execute("svc:print-status --format json itguest");
            assertTrue(json, json.contains("\"overall\" : \"up\""));
            assertTrue(json, json.contains("\"label\" : \"itest container#1\""));

            registration.unregister();
            registration = null;
            String status = execute("svc:print-status --refresh itguest");
            assertTrue(status, status.contains("container#1  ...../..  undef       container.itest"));
            assertTrue(status, status.startsWith("itguest                      warn\n"));
            assertTrue(status, status.contains("error: no driver for type container.itest is installed"));
            assertFails("svc:stop itguest", "itguest container#1: stop failed: no driver for type container.itest"
                    + " is installed");

            registration = registerItestDriver(world);
            execute("svc:stop itguest");
            assertFalse(world.isUp("itguest", "container#1"));
            assertFalse(Files.exists(flag));
        } finally {
            if (registration != null) {
                registration.unregister();
            }
            execute("svc:delete itguest");
        }
    }

    @Test
    public void anAppServiceStartsShowsLogsAndStopsFromTheConsole() throws IOException {
        Path flag = base().resolve("data/tmp/itapps.up");
        execute("svc:create --config " + file("apps", String.join("\n",
                "[app#1]",
                "start = /usr/bin/touch " + flag,
                "stop = /bin/rm -f " + flag,
                "check = /usr/bin/test -f " + flag,
                "[app#2]",
                "start = /bin/sh -c 'exit 7'",
                "optional = true", "")) + " itapps");
        try {
            String dryRun = execute("svc:start --dry-run itapps");
            assertTrue(dryRun, dryRun.startsWith("dry-run: start app#1 (/usr/bin/touch " + flag + ")"));
            assertFalse(Files.exists(flag));

            String start = execute("svc:start itapps");
            assertTrue(start, start.contains("hv1.itapps.app#2 WARN start failed, optional: start exited 7"));
            String tree = execute("svc:print-status itapps");
            assertTrue(tree, tree.startsWith("itapps"));
            assertTrue(tree, tree.contains("|- avail                up"));
            assertTrue(tree, tree.contains("app#2   ...O....  n/a"));

            // the console's actions go through the encapsulation layer (feature nestor-encap)
            assertFails("svc:start --slave vm1 itapps", "service itapps has no encapsulated resources");

            execute("svc:freeze itapps");
            assertTrue(execute("svc:print-status --format json itapps").contains("\"frozen\" : true"));
            execute("svc:thaw itapps");

            execute("svc:stop itapps");
            assertFalse(Files.exists(flag));
            String logs = execute("svc:logs itapps");
            assertTrue(logs, logs.contains(" hv1.itapps.app#1 INFO started\n"));
            assertTrue(logs, logs.contains(" hv1.itapps.app#1 INFO stopped\n"));
        } finally {
            execute("svc:delete itapps");
        }
    }

    private void assertFails(String command, String expected) {
        try {
            fail(command + " succeeded: " + execute(command));
        } catch (CommandFailed e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }
}
