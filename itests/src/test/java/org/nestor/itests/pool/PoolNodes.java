package org.nestor.itests.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.nestor.itests.Processes;
import org.nestor.itests.Processes.Result;

/**
 * Several Nestor nodes on this machine for end-to-end pool tests: one copy of this build's
 * distribution per node (its own node name, services and data), each behind its own sshd on a
 * loopback port (bundle-libvirt's loopback-sshd.sh, logging in as root as a node's agent runs).
 * Taking a node's sshd down makes it unreachable to the others; bringing it back keeps its port.
 * A node can also run its Karaf ({@link #startConsole}), whose console its peers may use instead.
 */
public final class PoolNodes implements AutoCloseable {

    private static final Path SSHD = Path.of("../bundle-libvirt/src/test/ssh/loopback-sshd.sh").toAbsolutePath()
            .normalize();

    private final Path work;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> consoles = new LinkedHashMap<>();

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

    /**
     * Boots the node's Karaf (its distribution copy, so its console works on the same files as its
     * bin/nestor) with its console on a free loopback port, {@code console-<node>} (RSA) the key
     * of its user karaf; returns that port once {@code pool:info} answers there.
     */
    public int startConsole(String name) throws IOException {
        Path etc = home(name).resolve("etc");
        Path key = consoleKey(name);
        if (!Files.exists(key)) {
            Processes.run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", key.toString()),
                    null, 60).check("console key of " + name);
        }
        int port = freePort();
        replaceSetting(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", port);
        replaceSetting(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", freePort());
        replaceSetting(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", freePort());
        Files.writeString(etc.resolve("keys.properties"), "\nkaraf=" + Files.readString(key.resolveSibling(
                key.getFileName() + ".pub")).split(" ")[1] + ",_g_:admingroup\n", StandardOpenOption.APPEND);
        Process karaf = new ProcessBuilder(home(name).resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(work.resolve("karaf-" + name + ".out").toFile()).start();
        consoles.put(name, karaf);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!consoleCommand(name, port, "pool:info").output().startsWith("{\"node\":\"" + name + "\"")) {
            if (!karaf.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the Karaf console of " + name + " did not answer (see "
                        + work.resolve("karaf-" + name + ".out") + ")");
            }
            sleep(500);
        }
        return port;
    }

    /** The private key of the node's Karaf user. */
    public Path consoleKey(String name) {
        return work.resolve("console-" + name);
    }

    /** A command in the node's Karaf console, through OpenSSH. */
    public Result consoleCommand(String name, int port, String line) throws IOException {
        return Processes.run(List.of("ssh", "-q", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=2", "-p", Integer.toString(port), "-i",
                consoleKey(name).toString(), "karaf@127.0.0.1", line), null, 60);
    }

    /** Stops the node's Karaf (its launcher and the JVM it forked). */
    public void stopConsole(String name) {
        Process karaf = consoles.remove(name);
        if (karaf == null) {
            return;
        }
        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        try {
            karaf.waitFor(60, TimeUnit.SECONDS);
            karaf.descendants().forEach(child -> child.onExit().join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void replaceSetting(Path file, String key, int value) throws IOException {
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^" + key + " *=.*$", key + " = " + value));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        for (String name : List.copyOf(consoles.keySet())) {
            stopConsole(name);
        }
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
