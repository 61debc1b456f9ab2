package org.nestor.itests.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.nestor.itests.Processes;
import org.nestor.itests.Processes.Result;

/**
 * Several Nestor nodes on this machine for end-to-end pool tests: one copy of this build's
 * distribution per node (its own node name, services and data), each behind its own sshd on a
 * loopback port (bundle-libvirt's loopback-sshd.sh, logging in as root as a node's agent runs).
 * Taking a node's sshd down makes it unreachable to the others; bringing it back keeps its port.
 */
public final class PoolNodes implements AutoCloseable {

    private static final Path SSHD = Path.of("../bundle-libvirt/src/test/ssh/loopback-sshd.sh").toAbsolutePath()
            .normalize();

    private final Path work;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private PoolNodes(Path work) {
        this.work = work;
    }

    /** Whether this machine can run them: root and an sshd; under CI=true their absence is an error. */
    public static boolean available() {
        boolean components = "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/sbin/sshd"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !components) {
            throw new IllegalStateException("CI=true but root or openssh-server is missing: .ci/run must install it");
        }
        return components;
    }

    /** The nodes, each with the others in its pool (host keys accepted by add-node). */
    public static PoolNodes create(String... names) throws IOException {
        PoolNodes nodes = new PoolNodes(Files.createTempDirectory("nestor-pool"));
        try {
            for (String name : names) {
                nodes.unpack(name);
                nodes.up(name);
            }
            for (String from : names) {
                for (String to : names) {
                    if (!from.equals(to)) {
                        nodes.addNode(from, to, true).check("add " + to + " to " + from + "'s pool");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            nodes.close();
            throw e;
        }
        return nodes;
    }

    private void unpack(String name) throws IOException {
        Path unpacked = Files.createDirectories(work.resolve("unpack-" + name));
        Processes.run(List.of("tar", "-xzf", System.getProperty("nestor.distribution"), "-C", unpacked.toString()),
                null, 120).check("unpack the distribution");
        try (Stream<Path> top = Files.list(unpacked)) {
            Files.move(top.findFirst().orElseThrow(), home(name));
        }
        Files.writeString(Files.createDirectories(home(name).resolve("etc/nestor")).resolve("node.cfg"),
                "name = " + name + "\n");
    }

    public Path work() {
        return work;
    }

    public Path home(String name) {
        return work.resolve(name);
    }

    public Path service(String name, String service) {
        return home(name).resolve("etc/nestor/services/" + service + ".conf");
    }

    /** {@code pool add-node} of {@code to} on {@code from}. */
    public Result addNode(String from, String to, boolean acceptHostKey) throws IOException {
        List<String> words = new ArrayList<>(List.of("pool", "add-node", to, "--host", "127.0.0.1", "--port",
                Integer.toString(ports.get(to)), "--key", work.resolve("ssh-" + to + "/client").toString(),
                "--agent", home(to).resolve("bin/nestor").toString()));
        if (acceptHostKey) {
            words.add("--accept-host-key");
        }
        return nestor(from, words.toArray(String[]::new));
    }

    /** Runs {@code bin/nestor} of a node; stdout and stderr together. */
    public Result nestor(String name, String... words) throws IOException {
        List<String> argv = new ArrayList<>(List.of(home(name).resolve("bin/nestor").toString()));
        argv.addAll(List.of(words));
        return Processes.run(argv, null, 180);
    }

    /** Starts (or restarts, on the same port) the node's sshd. */
    public void up(String name) throws IOException {
        String port = Processes.run(List.of(SSHD.toString(), "start", work.resolve("ssh-" + name).toString(), "root"),
                null, 60).check("sshd of " + name).output().strip();
        ports.put(name, Integer.parseInt(port));
    }

    /** Stops the node's sshd: the others can no longer reach it. */
    public void down(String name) throws IOException {
        Processes.run(List.of(SSHD.toString(), "stop", work.resolve("ssh-" + name).toString()), null, 60)
                .check("stop sshd of " + name);
    }

    @Override
    public void close() throws IOException {
        for (String name : ports.keySet()) {
            down(name);
        }
        try (Stream<Path> tree = Files.walk(work)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
