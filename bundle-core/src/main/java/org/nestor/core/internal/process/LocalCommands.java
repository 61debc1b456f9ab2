package org.nestor.core.internal.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;

/**
 * This node's {@link Commands}: processes. Output goes to temporary files rather than pipes, so that
 * a command which leaves a daemon behind (holding its descriptors) still returns when the command
 * itself exits. On timeout the command and all its descendants are killed.
 */
public final class LocalCommands implements Commands {

    /** Stateless: one serves every caller. */
    public static final LocalCommands INSTANCE = new LocalCommands();

    private LocalCommands() {
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, Path directory,
                             Map<String, String> environment, byte[] stdin, Path stdoutFile) {
        if (argv.isEmpty()) {
            return new CommandResult(-1, "", "empty command", false);
        }
        Path out = null;
        Path err = null;
        try {
            out = stdoutFile != null ? stdoutFile : Files.createTempFile("nestor-out", ".log");
            err = Files.createTempFile("nestor-err", ".log");
            ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(new File("/dev/null"));
            }
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (stdin != null) {
                try (OutputStream input = process.getOutputStream()) {
                    input.write(stdin);
                } catch (IOException closedEarly) {
                    // the command did not read all its input: its exit code tells the rest
                }
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                // the children first collected, then the command killed, so that no shell reports them killed
                List<ProcessHandle> children = process.descendants().toList();
                process.destroyForcibly().waitFor();
                children.forEach(ProcessHandle::destroyForcibly);
            }
            return new CommandResult(finished ? process.exitValue() : -1, stdoutFile != null ? "" : read(out),
                    read(err), !finished);
        } catch (IOException e) {
            return new CommandResult(-1, "", "cannot run " + argv.get(0) + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(-1, "", "interrupted", false);
        } finally {
            if (stdoutFile == null) {
                delete(out);
            }
            delete(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
