package org.nestor.core.internal.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.CoreConfiguration;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.ssh.SshException;
import org.nestor.core.ssh.SshOutput;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The pool kept in {@code etc/nestor/pool.json} ({@code {"nodes": [{name, host, port, user, key,
 * agent}]}}, written atomically), its peers reached through {@link SshSessions}.
 */
@Component(service = Pool.class, configurationPid = CoreConfiguration.PID)
public class PeerPool implements Pool {

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(60);
    private static final int PARALLEL_PEERS = 8;

    private final NestorPaths paths;
    private final String self;

    @Activate
    public PeerPool(@Reference NodeIdentity node, CoreConfiguration configuration) {
        this(NestorPaths.of(configuration), node.name());
    }

    /** The pool of the node named {@code self} whose files are under {@code paths}. */
    public PeerPool(NestorPaths paths, String self) {
        this.paths = paths;
        this.self = self;
    }

    /** Sessions to peers end with the bundle. */
    @Deactivate
    void close() {
        SshSessions.closeAll();
    }

    private Path file() {
        return paths.config().resolve("pool.json");
    }

    private Path knownHosts() {
        return paths.config().resolve("known_hosts");
    }

    @Override
    public List<PoolNode> nodes() {
        try {
            return PoolFile.read(file());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new PoolException(file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PoolNode node(String name) {
        List<PoolNode> nodes = nodes();
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(() -> new PoolException(
                "no node '" + name + "' in the pool (" + (nodes.isEmpty() ? "it has none; pool add-node adds one"
                        : "its nodes: " + String.join(", ", nodes.stream().map(PoolNode::name).toList())) + ")"));
    }

    @Override
    public synchronized NodeInfo add(PoolNode peer, boolean acceptHostKey) {
        if (!NODE_NAME.matcher(peer.name()).matches()) {
            throw new PoolException("bad node name '" + peer.name() + "': letters, digits, '.', '_', '-'");
        }
        if (peer.name().equals(self)) {
            throw new PoolException("'" + peer.name() + "' is this node");
        }
        if (!Files.isReadable(peer.key())) {
            throw new PoolException("--key " + peer.key() + ": no such readable file");
        }
        SshTarget target = peer.target(knownHosts());
        if (acceptHostKey) {
            acceptHostKey(target);
        }
        NodeInfo info = info(peer, List.of());
        List<PoolNode> nodes = new ArrayList<>(nodes());
        nodes.removeIf(n -> n.name().equals(peer.name()));
        nodes.add(peer);
        nodes.sort(Comparator.comparing(PoolNode::name));
        write(nodes);
        return info;
    }

    /** Takes the key the host presents, unless known_hosts already holds one for it. */
    private void acceptHostKey(SshTarget target) {
        String line;
        try {
            line = SshSessions.hostKeyLine(target);
        } catch (SshException e) {
            throw new PoolException("cannot read the host key of " + target + ": " + e.getMessage(), e);
        }
        String host = line.substring(0, line.indexOf(' '));
        try {
            List<String> known = Files.exists(knownHosts()) ? Files.readAllLines(knownHosts(), StandardCharsets.UTF_8)
                    : List.of();
            for (int i = 0; i < known.size(); i++) {
                String[] words = known.get(i).strip().split("\\s+");
                if (words.length >= 3 && List.of(words[0].split(",")).contains(host)) {
                    if ((words[1] + " " + words[2]).equals(line.substring(host.length() + 1))) {
                        return;
                    }
                    throw new PoolException(knownHosts() + ":" + (i + 1) + " holds another key for " + host
                            + ": remove that line if the host was really reinstalled");
                }
            }
            List<String> lines = new ArrayList<>(known);
            lines.add(line);
            AtomicFiles.write(knownHosts(), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new PoolException("cannot update " + knownHosts() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void remove(String name) {
        PoolNode removed = node(name);
        List<PoolNode> nodes = new ArrayList<>(nodes());
        nodes.remove(removed);
        write(nodes);
        SshSessions.close(removed.target(knownHosts()));
    }

    private void write(List<PoolNode> nodes) {
        try {
            AtomicFiles.write(file(), PoolFile.toJson(nodes));
        } catch (IOException e) {
            throw new PoolException("cannot write " + file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CommandResult call(PoolNode peer, List<String> words, byte[] stdin, Duration timeout) {
        List<String> argv = new ArrayList<>();
        argv.add(peer.agent());
        argv.addAll(words);
        try {
            SshOutput output = SshSessions.exec(peer.target(knownHosts()), argv, stdin, timeout);
            return new CommandResult(output.exit(), output.text(), output.stderr(), output.timedOut());
        } catch (SshException e) {
            throw new PoolException("node " + peer.name() + " unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public NodeInfo info(PoolNode peer, Collection<String> services, boolean withStatus) {
        List<String> words = new ArrayList<>(List.of("pool", "info"));
        if (withStatus) {
            words.add("--status");
        }
        words.addAll(services);
        CommandResult result = call(peer, words, null, INFO_TIMEOUT);
        if (!result.succeeded()) {
            throw new PoolException("node " + peer.name() + ": " + peer.agent() + " pool info failed ("
                    + (result.exitCode() == 127 ? "no agent there" : result.reason()) + ")");
        }
        NodeInfo info;
        try {
            info = NodeInfo.fromJson(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new PoolException("node " + peer.name() + ": " + e.getMessage(), e);
        }
        if (!peer.name().equals(info.node())) {
            throw new PoolException("the agent at " + peer.user() + "@" + peer.host() + ":" + peer.port() + " ("
                    + peer.agent() + ") is node '" + info.node() + "', not '" + peer.name() + "'");
        }
        return info;
    }

    @Override
    public <T> Map<PoolNode, Reply<T>> each(Collection<PoolNode> nodes, Function<PoolNode, T> work) {
        Map<PoolNode, Reply<T>> replies = new LinkedHashMap<>();
        if (nodes.isEmpty()) {
            return replies;
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(PARALLEL_PEERS, nodes.size()), r -> {
            Thread thread = new Thread(r, "nestor-peer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<PoolNode, Future<T>> futures = new LinkedHashMap<>();
            for (PoolNode peer : nodes) {
                futures.put(peer, threads.submit(() -> work.apply(peer)));
            }
            for (Map.Entry<PoolNode, Future<T>> future : futures.entrySet()) {
                replies.put(future.getKey(), reply(future.getValue()));
            }
        } finally {
            threads.shutdownNow();
        }
        return replies;
    }

    private static <T> Reply<T> reply(Future<T> future) {
        try {
            return new Reply<>(future.get(), null);
        } catch (ExecutionException e) {
            return new Reply<>(null, e.getCause() instanceof RuntimeException runtime ? runtime
                    : new PoolException(String.valueOf(e.getCause()), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply<>(null, new PoolException("interrupted"));
        }
    }
}
