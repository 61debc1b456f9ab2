package org.nestor.docker.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.CommandRunner;

/**
 * A real Docker Engine API for the tests: podman's compatible service on a socket of the build
 * directory, with the recipe's containers.conf (no network, runc, cgroupfs) and a busybox image
 * imported from the host's busybox, without any download. A machine without root or podman
 * skips; under CI=true that is a failure.
 */
final class Podman implements AutoCloseable {

    static final String IMAGE = "localhost/nestor-mini:latest";
    private static final Path PODMAN = Path.of("/usr/bin/podman");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path directory;
    private final Process service;

    private Podman(Path directory, Process service) {
        this.directory = directory;
        this.service = service;
    }

    static Podman start() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean podman = Files.isExecutable(PODMAN) && Files.isExecutable(Path.of("/bin/busybox"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !(root && podman)) {
            throw new IllegalStateException("CI=true but podman cannot run here (root: " + root + ", podman and busybox: "
                    + podman + "): .ci/run must install podman, runc and busybox-static");
        }
        assumeTrue(root && podman, "a real Docker Engine API needs root, podman and busybox-static");
        Path directory = Files.createDirectories(Path.of("target/podman").toAbsolutePath());
        Path conf = directory.resolve("containers.conf");
        Files.writeString(conf, """
                [containers]
                default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
                netns = "none"
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                """);
        importImage(directory);
        Path socket = directory.resolve("podman.sock");
        Files.deleteIfExists(socket);
        ProcessBuilder builder = new ProcessBuilder(PODMAN.toString(), "system", "service", "--time=0",
                "unix://" + socket).redirectErrorStream(true).redirectOutput(directory.resolve("service.log").toFile());
        builder.environment().put("CONTAINERS_CONF", conf.toString());
        Process service = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(socket)) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                service.destroyForcibly();
                throw new IllegalStateException("podman system service did not open " + socket + ": see "
                        + directory.resolve("service.log"));
            }
            Thread.sleep(50);
        }
        return new Podman(directory, service);
    }

    /** The busybox image, made once from the host's static busybox. */
    private static void importImage(Path directory) throws IOException {
        if (podman(directory, "image", "exists", IMAGE).exitCode() == 0) {
            return;
        }
        Path rootfs = Files.createDirectories(directory.resolve("rootfs/bin"));
        Files.createDirectories(directory.resolve("rootfs/tmp"));
        Files.createDirectories(directory.resolve("rootfs/etc"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String applet : List.of("sh", "sleep", "cat", "echo", "true", "false", "ls", "env", "ps", "kill",
                "hostname", "grep", "test", "mkdir", "rm")) {
            Files.deleteIfExists(rootfs.resolve(applet));
            Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
        }
        Path tar = directory.resolve("rootfs.tar");
        check(CommandRunner.run(List.of("tar", "-C", directory.resolve("rootfs").toString(), "-cf", tar.toString(),
                "."), COMMAND_TIMEOUT, null, Map.of(), null), "tar of the image rootfs");
        check(podman(directory, "import", "-q", tar.toString(), IMAGE), "podman import");
    }

    /** A podman command with this test engine's configuration (for checks behind the API's back). */
    CommandResult podman(String... args) {
        return podman(directory, args);
    }

    private static CommandResult podman(Path directory, String... args) {
        List<String> argv = new ArrayList<>(List.of(PODMAN.toString()));
        argv.addAll(List.of(args));
        return CommandRunner.run(argv, COMMAND_TIMEOUT, null,
                Map.of("CONTAINERS_CONF", directory.resolve("containers.conf").toString()), null);
    }

    private static void check(CommandResult result, String what) {
        if (!result.succeeded()) {
            throw new IllegalStateException(what + " failed: " + result.reason());
        }
    }

    /** The API address, as the docker_host keyword takes it. */
    String dockerHost() {
        return "unix://" + directory.resolve("podman.sock");
    }

    @Override
    public void close() throws InterruptedException {
        service.destroy();
        if (!service.waitFor(10, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }
}
