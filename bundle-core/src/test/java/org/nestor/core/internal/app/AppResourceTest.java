package org.nestor.core.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/** The app driver on real processes. */
class AppResourceTest {

    @TempDir
    Path directory;

    private final List<String> logged = new ArrayList<>();

    private Resource app(Map<String, Object> values) throws ResourceException {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("timeout", 10L);
        return new AppDriver().create(ResourceContext.of("web", "app#1", "hv1", all, directory, directory,
                ResourceLog.to(logged::add)));
    }

    @Test
    void startCheckStopOnAFile() throws Exception {
        Path flag = directory.resolve("up");
        Resource app = app(Map.of("start", "/usr/bin/touch " + flag, "stop", "/bin/rm -f " + flag,
                "check", "/usr/bin/test -f " + flag));
        assertEquals(Status.DOWN, app.status().status());
        app.start();
        assertEquals(Status.UP, app.status().status());
        app.stop();
        assertEquals(Status.DOWN, app.status().status());
        assertEquals("/usr/bin/touch " + flag, app.label());
        assertTrue(logged.contains("INFO start: /usr/bin/touch " + flag), logged.toString());
    }

    @Test
    void checkExitCodesOtherThanZeroAndOneWarnWithTheOutput() throws Exception {
        ResourceStatus status = app(Map.of("check", "/bin/sh -c 'echo half there; echo disk full >&2; exit 3'"))
                .status();
        assertEquals(Status.WARN, status.status());
        assertEquals(List.of("warn: check exited 3: disk full", "info: half there", "info: disk full"), status.log());
        assertEquals(Status.NA, app(Map.of()).status().status());
    }

    @Test
    void aHangingCheckWarnsWithTheReasonAndLeavesNoProcess() throws Exception {
        String marker = "nestor-hang-" + UUID.randomUUID();
        ResourceStatus status = app(Map.of("check", "/bin/sh -c 'sleep 300; true' " + marker, "timeout", 1L))
                .status();
        assertEquals(Status.WARN, status.status());
        assertEquals(List.of("warn: check timed out after 1s"), status.log());
        assertFalse(ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().orElse("").contains(marker)));
    }

    @Test
    void aFailingStartSaysWhyAndLogsTheOutput() throws Exception {
        Resource app = app(Map.of("start", "/bin/sh -c 'echo trying; echo port in use >&2; exit 2'"));
        assertEquals("start exited 2: port in use", assertThrows(ResourceException.class, app::start).getMessage());
        assertTrue(logged.contains("INFO trying") && logged.contains("WARN port in use"), logged.toString());
    }

    @Test
    void workingDirectoryAndEnvironment() throws Exception {
        Resource app = app(Map.of("start", "/bin/sh -c 'echo $ROLE > role'", "cwd", directory.toString(),
                "environment", List.of("ROLE=primary", "X=1")));
        app.start();
        assertEquals("primary\n", Files.readString(directory.resolve("role")));
    }

    @Test
    void badValuesNameTheirKeyword() {
        assertEquals("start: unterminated ' in: /bin/echo 'x",
                assertThrows(ResourceException.class, () -> app(Map.of("start", "/bin/echo 'x"))).getMessage());
        assertEquals("environment: 'NOVALUE' is not KEY=VALUE",
                assertThrows(ResourceException.class, () -> app(Map.of("environment", List.of("NOVALUE"))))
                        .getMessage());
    }
}
