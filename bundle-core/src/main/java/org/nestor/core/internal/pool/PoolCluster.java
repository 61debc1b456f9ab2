package org.nestor.core.internal.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Relocation;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.pool.Cluster;
import org.nestor.core.pool.ClusterView;
import org.nestor.core.pool.ClusterView.Instance;
import org.nestor.core.pool.ClusterView.Row;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.store.ServiceStoreListener;
import org.nestor.core.sync.ConfigPeer;
import org.nestor.core.sync.ConfigSync;
import org.nestor.core.sync.ConfigVersion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Cluster} over this node's {@link Pool}, and the replication that follows the store: every
 * configuration created or edited here, or pulled from a guest, is given to the service's peers
 * (a copy a peer pushed is not: that peer gives it to the others itself).
 */
@Component(service = Cluster.class)
public class PoolCluster implements Cluster, ServiceStoreListener {

    /** A remote stop or start waits this long for the peer (containers may take minutes). */
    private static final Duration REMOTE_ACTION = Duration.ofMinutes(30);

    private final Pool pool;
    private final ServiceStore store;
    private final ServiceActions actions;
    private final KeywordDictionary dictionary;
    private final NodeIdentity node;
    private final ConfigSync sync;
    /** The services this thread replicates now: a guest's copy pulled on the way is not replicated again. */
    private final ThreadLocal<Set<String>> replicating = ThreadLocal.withInitial(HashSet::new);

    @Activate
    public PoolCluster(@Reference Pool pool, @Reference ServiceStore store, @Reference ServiceActions actions,
                       @Reference KeywordDictionary dictionary, @Reference NodeIdentity node,
                       @Reference ConfigSync sync) {
        this.pool = pool;
        this.store = store;
        this.actions = actions;
        this.dictionary = dictionary;
        this.node = node;
        this.sync = sync;
        store.addListener(this);
    }

    @Deactivate
    void deactivate() {
        store.removeListener(this);
    }

    @Override
    public void changed(String service, ChangeOrigin origin, Consumer<String> progress) {
        if (origin != ChangeOrigin.PEER && !replicating.get().contains(service) && !pool.nodes().isEmpty()) {
            replicate(service, progress);
        }
    }

    @Override
    public NodeInfo describe(Collection<String> services, boolean withStatus) {
        return LocalNode.describe(node, dictionary, store, services, withStatus ? actions : null);
    }

    @Override
    public ClusterView view(Collection<String> services) {
        Map<String, Map<String, ServiceStatus>> statuses = new LinkedHashMap<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        statuses.put(node.name(), describe(List.of(), true).statuses());
        pool.each(pool.nodes(), peer -> pool.info(peer, List.of(), true)).forEach((peer, reply) -> {
            if (reply.ok()) {
                statuses.put(peer.name(), reply.value().statuses());
            } else {
                unreachable.put(peer.name(), reply.failure().getMessage());
            }
        });
        List<String> nodes = new ArrayList<>(List.of(node.name()));
        pool.nodes().forEach(peer -> nodes.add(peer.name()));
        TreeSet<String> names = new TreeSet<>();
        statuses.values().forEach(known -> names.addAll(known.keySet()));
        if (!services.isEmpty()) {
            names.retainAll(services);
        }
        List<Row> rows = new ArrayList<>();
        for (String service : names) {
            String leader = leader(service);
            Map<String, Instance> instances = new LinkedHashMap<>();
            String topology = "";
            int running = 0;
            for (Map.Entry<String, Map<String, ServiceStatus>> known : statuses.entrySet()) {
                ServiceStatus status = known.getValue().get(service);
                if (status != null) {
                    instances.put(known.getKey(), new Instance(status, known.getKey().equals(leader)));
                    topology = status.topology();
                    running += status.runs() ? 1 : 0;
                }
            }
            rows.add(new Row(service, state(topology, running), topology, instances));
        }
        return new ClusterView(nodes, rows, unreachable);
    }

    /** The first of the service's nodes as this node reads them; null for a service it does not have. */
    private String leader(String service) {
        try {
            return store.exists(service) ? Placement.of(service, store, dictionary, node).leader() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Failover: one instance up is up, more is warn. Flex: up with at least one. */
    private static String state(String topology, int running) {
        if (running == 0) {
            return Status.DOWN.label();
        }
        return "failover".equals(topology) && running > 1 ? Status.WARN.label() + " (" + running + " up)"
                : Status.UP.label();
    }

    @Override
    public void relocate(String service, String target, Consumer<String> output) {
        if (actions.relocateInside(service, target, output)) {
            return;
        }
        Instant began = Instant.now();
        Placement placement = Placement.of(service, store, dictionary, node);
        if (!placement.nodes().contains(target)) {
            throw new ActionException("cannot switch " + service + " to " + target + ": not one of its nodes ("
                    + String.join(" ", placement.nodes()) + ")");
        }
        List<PoolNode> peers = placement.peersIn(pool);
        if (!target.equals(node.name()) && peers.stream().noneMatch(peer -> peer.name().equals(target))) {
            throw new ActionException("cannot switch " + service + " to " + target + ": not in this node's pool");
        }
        // one question per peer: where the service runs, and which copy of its configuration each has
        Map<String, ServiceStatus> instances = new LinkedHashMap<>();
        instances.put(node.name(), actions.status(service, false));
        Map<String, NodeInfo> known = new LinkedHashMap<>();
        pool.each(peers, peer -> pool.info(peer, List.of(service), true)).forEach((peer, reply) -> {
            if (!reply.ok()) {
                throw new ActionException("cannot switch " + service + ": " + peer.name() + " cannot be asked ("
                        + reply.failure().getMessage() + "); nothing was stopped");
            }
            known.put(peer.name(), reply.value());
            instances.put(peer.name(), reply.value().statuses().get(service));
        });
        List<String> sources = instances.entrySet().stream().filter(instance -> !instance.getKey().equals(target)
                && instance.getValue() != null && instance.getValue().runs()).map(Map.Entry::getKey).toList();
        ServiceStatus onTarget = instances.get(target);
        if (sources.isEmpty() && onTarget != null && onTarget.runs()) {
            output.accept(service + " already runs on " + target);
            return;
        }
        replicate(service, output, known);
        try {
            new Relocation(service, sources, target).run((where, action) -> actOnNode(service, where, action, output),
                    output);
            output.accept("switched " + service + " to " + target);
        } finally {
            output.accept("action logs of " + service + " since " + began + ":");
            new MergedLogs(pool, actions).lines(service, peers, began, output).forEach(output);
        }
    }

    private void actOnNode(String service, String where, ServiceAction action, Consumer<String> output) {
        if (where.equals(node.name())) {
            actions.run(service, action, ActionOptions.all(output));
        } else {
            pool.act(pool.node(where), service, action, REMOTE_ACTION);
        }
    }

    @Override
    public boolean replicate(String service, Consumer<String> output) {
        return replicate(service, output, Map.of());
    }

    /** @param known what some peers have just said of themselves (by node name): not asked again */
    private boolean replicate(String service, Consumer<String> output, Map<String, NodeInfo> known) {
        Placement placement = Placement.of(service, store, dictionary, node);
        if (placement.inGuest() || !replicating.get().add(service)) {
            return true;
        }
        try {
            reconcileGuests(service, output);
            List<ConfigPeer> peers = new ArrayList<>();
            for (String name : placement.peers()) {
                try {
                    peers.add(new PoolPeer(pool, pool.node(name), placement, known.get(name)));
                } catch (PoolException e) {
                    actions.log(service, null, "WARN", "not replicated to " + name + ": not in this node's pool "
                            + "(pool add-node)", output);
                }
            }
            List<String> unreached = sync.sync(service, peers, false, output);
            writePending(service, unreached);
            return unreached.isEmpty();
        } finally {
            replicating.get().remove(service);
        }
    }

    /** An edit made inside a guest travels with the rest: the guests' newest copy comes first. */
    private void reconcileGuests(String service, Consumer<String> output) {
        if (actions.encapsulation(service).guests().isEmpty()) {
            return;
        }
        try {
            actions.pushConfig(service, List.of(), false, output);
        } catch (ActionException e) {
            actions.log(service, null, "WARN", "guests not reconciled before replication: " + e.getMessage(), output);
        }
    }

    @Override
    public List<String> pending(String service) {
        try {
            return Files.readAllLines(pendingFile(service), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void writePending(String service, List<String> peers) {
        Path file = pendingFile(service);
        try {
            if (peers.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                AtomicFiles.replace(file, String.join("\n", peers) + "\n");
            }
        } catch (IOException e) {
            actions.log(service, null, "WARN", "cannot write " + file + ": " + e.getMessage(), null);
        }
    }

    private Path pendingFile(String service) {
        return actions.actionLog(service).resolveSibling("sync-config.pending");
    }

    @Override
    public List<String> logs(String service, Instant since, Consumer<String> problems) {
        store.read(service);
        return new MergedLogs(pool, actions).lines(service, Placement.of(service, store, dictionary, node)
                .peersIn(pool), since, problems);
    }

    @Override
    public Map<PoolNode, Reply<Answer>> members() {
        return pool.each(pool.nodes(), peer -> {
            long began = System.nanoTime();
            NodeInfo info = pool.info(peer, List.of());
            return new Answer(info, (System.nanoTime() - began) / 1_000_000);
        });
    }

    @Override
    public List<String> check(Consumer<String> output) {
        NodeInfo self = describe(List.of(), false);
        List<String> problems = new ArrayList<>();
        List<PoolNode> peers = pool.nodes();
        Map<PoolNode, Reply<NodeInfo>> answers = pool.each(peers, peer -> pool.info(peer, List.of()));
        List<PoolNode> consoles = peers.stream().filter(peer -> peer.console() != null).toList();
        Map<PoolNode, Reply<NodeInfo>> agents = pool.each(consoles, peer -> pool.info(peer.withoutConsole(),
                List.of()));
        answers.forEach((peer, reply) -> {
            if (!reply.ok()) {
                problems.add(reply.failure().getMessage());
                return;
            }
            NodeInfo info = reply.value();
            output.accept("ok " + peer.describe() + ": Nestor " + info.version());
            Reply<NodeInfo> agent = agents.get(peer);
            if (agent != null && !agent.ok()) {
                output.accept("  note: " + peer.name() + "'s bin/nestor, used while its console cannot be reached, "
                        + "does not answer: " + agent.failure().getMessage());
            }
            if (!info.version().equals(self.version())) {
                output.accept("  note: " + peer.name() + " runs Nestor " + info.version() + ", this node "
                        + self.version());
            }
            List<String> missing = self.drivers().stream().filter(d -> !info.drivers().contains(d)).toList();
            if (!missing.isEmpty()) {
                output.accept("  note: " + peer.name() + " lacks drivers " + String.join(" ", missing));
            }
            self.services().forEach((service, mine) -> {
                ConfigVersion theirs = info.services().get(service);
                if (theirs != null && !theirs.checksum().equals(mine.checksum())) {
                    problems.add(service + ": the configuration differs on " + peer.name() + " (svc sync-config "
                            + service + ")");
                }
            });
        });
        for (String service : store.list()) {
            List<String> pending = pending(service);
            if (!pending.isEmpty()) {
                problems.add(service + ": replication pending to " + String.join(", ", pending)
                        + " (svc sync-config " + service + ")");
            }
        }
        if (problems.isEmpty()) {
            output.accept("pool of " + node.name() + ": " + answers.size() + " peers, all in order");
        }
        return problems;
    }
}
