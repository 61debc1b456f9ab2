package org.nestor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/** What the steering keywords the engine tests do not use make a fake resource do. */
class FakeDriverTest {

    private final FakeWorld world = new FakeWorld();

    private Resource resource(String group, String rid, Map<String, Object> values) {
        return new FakeDriver(group, "mem", world).create(ResourceContext.of("web", rid, "hv1", values, Path.of("etc"),
                Path.of("data"), ResourceLog.SILENT));
    }

    @Test
    void reportsTheStatusItIsGivenOrFailsToReadIt() throws ResourceException {
        Resource fixed = resource("fs", "fs#1", Map.of("status", "n/a"));
        fixed.start();
        assertEquals(Status.NA, fixed.status().status());
        ResourceStatus failed = resource("fs", "fs#2", Map.of("fail_status", true)).status();
        assertEquals(Status.WARN, failed.status());
        assertTrue(failed.hasWarning(), failed.log().toString());
        assertThrows(ResourceException.class, () -> resource("fs", "fs#3", Map.of("fail_start", true)).start());
        assertEquals(List.of("start fs#1", "start fs#3"), world.calls());
    }

    @Test
    void aContainerIsAGuestThatAnswersAsTheWorldSays() throws ResourceException {
        Resource resource = resource("container", "container#1", Map.of("hostname", "vm1"));
        ContainerResource container = assertInstanceOf(ContainerResource.class, resource);
        assertFalse(resource("fs", "fs#1", Map.of()) instanceof ContainerResource);
        assertEquals("web", container.name());
        assertEquals("vm1", container.guestHostname());
        world.answerGuests(argv -> new CommandResult(argv.get(0).equals("hostname") ? 0 : 127, "vm1\n", "", false));
        assertTrue(container.exec(List.of("hostname"), new byte[0], Duration.ofSeconds(1)).succeeded());
        assertEquals(127, container.exec(List.of("nestor"), new byte[0], Duration.ofSeconds(1)).exitCode());
        assertFalse(container.operational(), "not started");
        assertEquals(List.of("exec container#1 hostname", "exec container#1 nestor"), world.calls());
    }

    @Test
    void anUnrecordedWorldSaysSo() throws ResourceException {
        FakeWorld silent = FakeWorld.unrecorded();
        new FakeDriver("app", "noop", silent).create(ResourceContext.of("web", "app#1", "hv1", Map.of(),
                Path.of("etc"), Path.of("data"), ResourceLog.SILENT)).start();
        assertTrue(silent.isUp("web", "app#1"));
        assertThrows(IllegalStateException.class, silent::calls);
    }
}
