package org.nestor.core.internal.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.CommandResult;

class LocalCommandsTest {

    private static final LocalCommands COMMANDS = LocalCommands.INSTANCE;

    @TempDir
    Path directory;

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
    }

    @Test
    void exitCodeOutputStdinDirectoryAndEnvironment() {
        CommandResult result = COMMANDS.run(List.of("/bin/sh", "-c", "pwd; echo $GREETING; cat; echo oops >&2; exit 3"),
                Duration.ofSeconds(10), directory, Map.of("GREETING", "hello"), "from stdin\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, result.exitCode());
        assertEquals(directory + "\nhello\nfrom stdin\n", result.stdout());
        assertEquals("oops", result.reason());
        assertFalse(result.succeeded());
    }

    @Test
    void standardOutputCanGoToAFileAsBytes() throws Exception {
        Path copy = directory.resolve("copy.bin");
        CommandResult result = COMMANDS.run(List.of("/bin/sh", "-c", "printf '\\000\\377\\n'; echo done >&2"),
                Duration.ofSeconds(10), null, Map.of(), null, copy);
        assertTrue(result.succeeded());
        assertEquals("", result.stdout());
        assertEquals("done", result.reason());
        assertArrayEquals(new byte[] {0, (byte) 0xff, '\n'}, Files.readAllBytes(copy));
    }

    @Test
    void aTimeoutKillsTheCommandAndItsChildren() {
        String marker = "nestor-timeout-" + UUID.randomUUID();
        long start = System.nanoTime();
        CommandResult result = COMMANDS.run(List.of("/bin/sh", "-c",
                "/bin/sh -c 'sleep 300; true' " + marker + "; true"), Duration.ofMillis(500));
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        assertFalse(running(marker), "no stray process left");
    }

    @Test
    void aDaemonLeftBehindDoesNotHoldTheCaller() throws Exception {
        String marker = "nestor-daemon-" + UUID.randomUUID();
        long start = System.nanoTime();
        CommandResult result = COMMANDS.run(List.of("/bin/sh", "-c",
                "(/bin/sh -c 'sleep 300; true' " + marker + " &) ; echo started"), Duration.ofSeconds(10));
        try {
            assertEquals(0, result.exitCode());
            assertEquals("started\n", result.stdout());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
            assertTrue(running(marker), "the daemon lives on");
        } finally {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .forEach(daemon -> {
                        daemon.descendants().forEach(ProcessHandle::destroyForcibly);
                        daemon.destroyForcibly();
                    });
        }
    }

    @Test
    void aMissingProgramIsReportedNotThrown() {
        CommandResult result = COMMANDS.run(List.of("/nonexistent/tool"), Duration.ofSeconds(1));
        assertEquals(-1, result.exitCode());
        assertTrue(result.stderr().startsWith("cannot run /nonexistent/tool:"), result.stderr());
    }
}
