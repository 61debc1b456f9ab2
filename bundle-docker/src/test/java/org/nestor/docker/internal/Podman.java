package org.nestor.docker.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;

/**
 * A real Docker Engine API for the tests: podman's compatible service started by
 * {@code src/test/podman/podman-engine.sh} on a socket of the build directory, with a busybox
 * image made from the host's busybox. A machine without root or podman skips; under CI=true that
 * is a failure.
 */
final class Podman implements AutoCloseable {

    static final String IMAGE = "localhost/nestor-mini:latest";
    private static final Path SCRIPT = Path.of("src/test/podman/podman-engine.sh").toAbsolutePath();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path directory;
    private final String dockerHost;

    private Podman(Path directory, String dockerHost) {
        this.directory = directory;
        this.dockerHost = dockerHost;
    }

    static Podman start() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean podman = Files.isExecutable(Path.of("/usr/bin/podman")) && Files.isExecutable(Path.of("/bin/busybox"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !(root && podman)) {
            throw new IllegalStateException("CI=true but podman cannot run here (root: " + root + ", podman and busybox: "
                    + podman + "): .ci/run must install podman, runc and busybox-static");
        }
        assumeTrue(root && podman, "a real Docker Engine API needs root, podman and busybox-static");
        Path directory = Path.of("target/podman").toAbsolutePath();
        CommandResult started = engine("start", directory);
        if (!started.succeeded()) {
            throw new IllegalStateException("podman engine: " + started.reason());
        }
        return new Podman(directory, started.stdout().strip());
    }

    private static CommandResult engine(String verb, Path directory) {
        return Commands.local().run(List.of(SCRIPT.toString(), verb, directory.toString()), COMMAND_TIMEOUT);
    }

    /** A podman command with this engine's configuration, for checks behind the API's back. */
    CommandResult podman(String... args) {
        List<String> argv = new ArrayList<>(List.of("podman"));
        argv.addAll(List.of(args));
        return Commands.local().run(argv, COMMAND_TIMEOUT, null,
                Map.of("CONTAINERS_CONF", directory.resolve("containers.conf").toString()), null);
    }

    /** The API address, as the docker_host keyword takes it. */
    String dockerHost() {
        return dockerHost;
    }

    @Override
    public void close() {
        engine("stop", directory);
    }
}
