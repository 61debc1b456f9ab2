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
import org.nestor.core.internal.NodeAssembly;
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
import org.nestor.core.ssh.SshUnreachableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The pool kept in {@code etc/nestor/pool.json} ({@link PoolFile}, written atomically), its peers
 * reached through {@link SshSessions}: their Karaf console when they have one, else (or when that
 * console cannot be reached) their {@code bin/nestor}.
 */
@Component(service = Pool.class, configurationPid = CoreConfiguration.PID)
public class PeerPool implements Pool {

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(60);
    private static final int PARALLEL_PEERS = 8;
    /** Words a Karaf console reads as they are; any other is single-quoted. */
    private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z0-9._:/@=+,-]+");
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern CONSOLE_ERROR = Pattern.compile("(?m)^Error executing command( \\S+)?: ");

    private final NestorPaths paths;
    private final String self;

    @Activate
    public PeerPool(@Reference NodeIdentity node, CoreConfiguration configuration) {
        this(NodeAssembly.paths(configuration), node.name());
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
        if (peer.console() != null && !Files.isReadable(peer.console().key())) {
            throw new PoolException("--console-key " + peer.console().key() + ": no such readable file");
        }
        if (acceptHostKey) {
            acceptHostKey(peer.target(knownHosts()));
            if (peer.console() != null) {
                acceptHostKey(peer.consoleTarget(knownHosts()));
            }
        }
        // through the console alone when it has one: the one added is the one that answers
        NodeInfo info = info(peer, List.of(), false, false);
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
        if (removed.console() != null) {
            SshSessions.close(removed.consoleTarget(knownHosts()));
        }
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
        return call(peer, words, stdin, timeout, true);
    }

    /** @param agentFallback when its console cannot be reached, run its bin/nestor instead */
    private CommandResult call(PoolNode peer, List<String> words, byte[] stdin, Duration timeout,
                               boolean agentFallback) {
        try {
            if (peer.console() != null) {
                try {
                    SshOutput output = SshSessions.execLine(peer.consoleTarget(knownHosts()), consoleLine(words), stdin,
                            timeout);
                    return new CommandResult(output.exit(), output.text(), consoleError(output.stderr()),
                            output.timedOut());
                } catch (SshUnreachableException e) {
                    if (!agentFallback) {
                        throw e;
                    }
                }
            }
            List<String> argv = new ArrayList<>();
            argv.add(peer.agent());
            argv.addAll(words);
            SshOutput output = SshSessions.exec(peer.target(knownHosts()), argv, stdin, timeout);
            return new CommandResult(output.exit(), output.text(), output.stderr(), output.timedOut());
        } catch (SshException e) {
            throw new PoolException("node " + peer.name() + " unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * The words as a Karaf console command line: {@code svc create --force web} is
     * {@code svc:create --force web}, a word with other characters than {@link #BARE_WORD} is
     * single-quoted. The console takes options only before the arguments, which every caller
     * keeps (bin/nestor takes both orders).
     */
    static String consoleLine(List<String> words) {
        if (words.size() < 2) {
            throw new IllegalArgumentException("not a console command: " + words);
        }
        StringBuilder line = new StringBuilder(words.get(0)).append(':').append(words.get(1));
        for (String word : words.subList(2, words.size())) {
            if (word.indexOf('\'') >= 0) {
                throw new PoolException("'" + word + "' cannot be given to a Karaf console: it holds a quote");
            }
            line.append(' ').append(BARE_WORD.matcher(word).matches() ? word : "'" + word + "'");
        }
        return line.toString();
    }

    /** A console's error as bin/nestor says it: without colours and Karaf's "Error executing command". */
    static String consoleError(String stderr) {
        return CONSOLE_ERROR.matcher(ANSI_ESCAPE.matcher(stderr).replaceAll("")).replaceAll("");
    }

    @Override
    public NodeInfo info(PoolNode peer, Collection<String> services, boolean withStatus) {
        return info(peer, services, withStatus, true);
    }

    private NodeInfo info(PoolNode peer, Collection<String> services, boolean withStatus, boolean agentFallback) {
        List<String> words = new ArrayList<>(List.of("pool", "info"));
        if (withStatus) {
            words.add("--status");
        }
        words.addAll(services);
        CommandResult result = call(peer, words, null, INFO_TIMEOUT, agentFallback);
        if (!result.succeeded()) {
            throw new PoolException("node " + peer.name() + ": pool info failed ("
                    + (result.exitCode() == 127 ? "no agent " + peer.agent() + " there" : result.reason()) + ")");
        }
        NodeInfo info;
        try {
            info = NodeInfo.fromJson(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new PoolException("node " + peer.name() + ": " + e.getMessage(), e);
        }
        if (!peer.name().equals(info.node())) {
            throw new PoolException("the agent at " + peer.address() + " is node '" + info.node() + "', not '"
                    + peer.name() + "'");
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
