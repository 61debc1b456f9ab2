package org.nestor.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real tools the tests drive (lxc, podman, bin/nestor) with a deadline. */
public final class Processes {

    private Processes() {
    }

    public static Result run(List<String> argv, String stdin, int timeoutSeconds) throws IOException {
        return run(argv, stdin, timeoutSeconds, Map.of());
    }

    public static Result run(List<String> argv, String stdin, int timeoutSeconds, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(env);
        File output = File.createTempFile("nestor-guest", ".out");
        builder.redirectOutput(output);
        Process process = builder.start();
        try {
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(argv + ": no answer within " + timeoutSeconds + " s");
            }
            return new Result(argv, process.exitValue(), Files.readString(output.toPath()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(argv + ": interrupted", e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output.toPath());
        }
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Result(List<String> argv, int exit, String output) {

        public Result check(String what) throws IOException {
            if (exit != 0) {
                throw new IOException(what + ": " + String.join(" ", argv) + " exited " + exit + ":\n" + output);
            }
            return this;
        }
    }
}
