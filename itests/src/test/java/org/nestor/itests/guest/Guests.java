package org.nestor.itests.guest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.nestor.itests.Processes;

/**
 * A hypervisor and its guests for end-to-end tests: this build's distribution unpacked, its
 * {@code bin/nestor} run as the host ({@link #hostNestor}), and LXC guests from
 * {@code src/test/guest/make-guest.sh} running the same distribution read-only, each with its own
 * services and node name. One instance owns a work directory and removes it on close.
 */
public final class Guests implements AutoCloseable {

    /** Where the guest sees the distribution. */
    public static final String GUEST_NESTOR = "/opt/nestor/bin/nestor";

    private static final Path SCRIPT = Path.of("src/test/guest/make-guest.sh").toAbsolutePath();

    private final Path work;
    private final Path distribution;
    private final Path lxcPath;
    private final List<String> guests = new ArrayList<>();

    private Guests(Path work) throws IOException {
        this.work = work;
        this.lxcPath = Files.createDirectories(work.resolve("lxc"));
        Path unpacked = Files.createDirectories(work.resolve("dist"));
        Processes.run(List.of("tar", "-xzf", System.getProperty("nestor.distribution"), "-C", unpacked.toString()),
                null, 120)
                .check("unpack the distribution");
        try (Stream<Path> top = Files.list(unpacked)) {
            this.distribution = top.findFirst().orElseThrow(() -> new IOException("empty distribution archive"));
        }
    }

    /**
     * Whether real LXC can run here (root and the lxc tools). Under CI=true a missing piece is an
     * error rather than a reason to skip: .ci/run installs them.
     */
    public static boolean available() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/lxc-start"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !(root && tools)) {
            throw new IllegalStateException("CI=true but LXC cannot run here (root: " + root + ", lxc tools: " + tools
                    + "): .ci/run must install lxc and busybox-static");
        }
        return root && tools;
    }

    /** A work directory with this build's distribution unpacked, ready for guests. */
    public static Guests create() throws IOException {
        return new Guests(Files.createTempDirectory("nestor-guests"));
    }

    public Path distribution() {
        return distribution;
    }

    public Path lxcPath() {
        return lxcPath;
    }

    public Path work() {
        return work;
    }

    /** Makes (does not start) a guest named {@code name}; returns its container directory. */
    public Path make(String name) throws IOException {
        Processes.run(List.of(SCRIPT.toString(), name, lxcPath.toString(), distribution.toString()), null, 60)
                .check("make guest " + name);
        guests.add(name);
        return lxcPath.resolve(name);
    }

    /** Runs argv inside a running guest through lxc-attach, with a clean environment. */
    public Processes.Result attach(String name, String stdin, String... argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("lxc-attach", "-n", name, "-P", lxcPath.toString(),
                "--clear-env", "--"));
        command.addAll(List.of(argv));
        return Processes.run(command, stdin, 60);
    }

    /** Runs this build's bin/nestor on the host with its own base directory and node name. */
    public Processes.Result hostNestor(String node, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/nestor").toString()));
        command.addAll(List.of(args));
        return Processes.run(command, null, 120, Map.of("NESTOR_BASE", work.resolve("host").toString(),
                "NESTOR_NODE", node));
    }

    /** Stops and destroys the guests, then removes the work directory. */
    @Override
    public void close() throws IOException {
        for (String name : guests) {
            Processes.run(List.of("lxc-stop", "-n", name, "-P", lxcPath.toString(), "--kill"), null, 30);
            String state = Processes.run(List.of("lxc-info", "-n", name, "-P", lxcPath.toString(), "-s", "-H"),
                    null, 30).output();
            if (state.strip().equals("RUNNING")) {
                // its rootfs still has the host's directories bind-mounted: removing files now would reach them
                throw new IOException("guest " + name + " still runs; left " + work + " in place");
            }
            Processes.run(List.of("lxc-destroy", "-n", name, "-P", lxcPath.toString()), null, 30);
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
