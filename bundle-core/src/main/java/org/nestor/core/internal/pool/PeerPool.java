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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.nestor.core.action.ServiceAction;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.CoreConfiguration;
import org.nestor.core.internal.Json;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.NodeAssembly;
import org.nestor.core.internal.Parallel;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.ssh.SshException;
import org.nestor.core.ssh.SshOutput;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.ssh.SshTarget;
import org.nestor.core.ssh.SshUnreachableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pool kept in {@code etc/nestor/pool.json} ({@link PoolFile}, written atomically), its peers
 * reached through the node's {@link SshSessions} (borrowed: their owner ends them): their Karaf
 * console when they have one, else (or when that console cannot be reached) their {@code bin/nestor}.
 */
@Component(service = Pool.class, configurationPid = CoreConfiguration.PID)
public class PeerPool implements Pool {

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PEER_REQUEST = Duration.ofSeconds(60);
    /** What answers the peer protocol in a Karaf console (in bin/nestor: pool serve). */
    private static final String SERVE_LINE = "pool:serve";
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern CONSOLE_ERROR = Pattern.compile("(?m)^Error executing command( \\S+)?: ");

    private final NestorPaths paths;
    private final String self;
    private final SshSessions ssh;

    @Activate
    public PeerPool(@Reference NodeIdentity node, @Reference SshSessions ssh, CoreConfiguration configuration) {
        this(NodeAssembly.paths(configuration), node.name(), ssh);
    }

    /**
     * The pool of the node named {@code self} whose files are under {@code paths}, its peers reached
     * by {@code ssh}, without OSGi (bin/nestor, tests, benchmarks). DS sees only the public
     * constructor above: SCR takes a constructor by its number of parameters.
     */
    public static PeerPool standalone(NestorPaths paths, String self, SshSessions ssh) {
        return new PeerPool(paths, self, ssh);
    }

    private PeerPool(NestorPaths paths, String self, SshSessions ssh) {
        this.paths = paths;
        this.self = self;
        this.ssh = ssh;
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
            line = ssh.hostKeyLine(target);
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
        ssh.close(removed.target(knownHosts()));
        if (removed.console() != null) {
            ssh.close(removed.consoleTarget(knownHosts()));
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
    public NodeInfo info(PoolNode peer, Collection<String> services, boolean withStatus) {
        return info(peer, services, withStatus, true);
    }

    private NodeInfo info(PoolNode peer, Collection<String> services, boolean withStatus, boolean agentFallback) {
        Object result = exchange(peer, PeerProtocol.request(PeerProtocol.INFO, "services", List.copyOf(services),
                "status", withStatus), INFO_TIMEOUT, agentFallback);
        NodeInfo info;
        try {
            info = NodeInfo.fromJson(Json.write(result));
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
    public String config(PoolNode peer, String service) {
        return String.valueOf(exchange(peer, PeerProtocol.request(PeerProtocol.CONFIG, "service", service),
                PEER_REQUEST, true));
    }

    @Override
    public void install(PoolNode peer, String service, byte[] text, long version) {
        exchange(peer, PeerProtocol.request(PeerProtocol.INSTALL, "service", service, "text",
                new String(text, StandardCharsets.UTF_8), "version", version), PEER_REQUEST, true);
    }

    @Override
    public List<String> act(PoolNode peer, String service, ServiceAction action, Duration timeout) {
        return lines(exchange(peer, PeerProtocol.request(PeerProtocol.ACTION, "service", service, "action",
                action.label()), timeout, true));
    }

    @Override
    public List<String> logs(PoolNode peer, String service) {
        return lines(exchange(peer, PeerProtocol.request(PeerProtocol.LOGS, "service", service), PEER_REQUEST, true));
    }

    private static List<String> lines(Object result) {
        return result instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * One request, answered by {@code pool serve} on the peer.
     *
     * @param agentFallback when its console cannot be reached, ask its bin/nestor instead
     * @return the answer's result
     */
    private Object exchange(PoolNode peer, String request, Duration timeout, boolean agentFallback) {
        byte[] stdin = request.getBytes(StandardCharsets.UTF_8);
        SshOutput output = null;
        try {
            if (peer.console() != null) {
                try {
                    output = ssh.execLine(peer.consoleTarget(knownHosts()), SERVE_LINE, stdin, timeout);
                } catch (SshUnreachableException e) {
                    if (!agentFallback) {
                        throw e;
                    }
                }
            }
            if (output == null) {
                output = ssh.exec(peer.target(knownHosts()), List.of(peer.agent(), "pool", "serve"), stdin,
                        timeout);
            }
        } catch (SshException e) {
            throw new PoolException("node " + peer.name() + " unreachable: " + e.getMessage(), e);
        }
        if (output.timedOut()) {
            throw new PoolException("node " + peer.name() + ": no answer within " + timeout.toSeconds() + "s");
        }
        if (output.text().isBlank()) {
            String reason = output.exit() == 127 ? "no agent " + peer.agent() + " there"
                    : consoleError(output.stderr()).strip();
            throw new PoolException("node " + peer.name() + ": pool serve failed (exit " + output.exit()
                    + (reason.isEmpty() ? "" : ": " + reason) + ")");
        }
        return PeerProtocol.readResult(peer.name(), output.text());
    }

    /** A console's error as bin/nestor says it: without colours and Karaf's "Error executing command". */
    static String consoleError(String stderr) {
        return CONSOLE_ERROR.matcher(ANSI_ESCAPE.matcher(stderr).replaceAll("")).replaceAll("");
    }

    @Override
    public <T> Map<PoolNode, Reply<T>> each(Collection<PoolNode> nodes, Function<PoolNode, T> work) {
        return Parallel.each(nodes, work);
    }
}
