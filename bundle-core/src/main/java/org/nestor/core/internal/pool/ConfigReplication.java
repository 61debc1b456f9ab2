package org.nestor.core.internal.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.ConfigReader;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.NodeInfo.ConfigVersion;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.store.ServiceStore;

/**
 * The built-in sync of every service's configuration between the nodes of the pool: the newest
 * edit wins, nothing is merged. Its guests are reconciled first (so an edit made inside a guest
 * travels too); then the newest copy among this node and its reachable peers (nodes and drpnodes)
 * is installed here, with its own version, and given to every peer whose copy differs and is
 * older. A DR node never gives its copy to the nodes. Peers that cannot be reached are said, kept
 * in {@code data/nestor/<svc>/sync-config.pending} and tried again by the next sync.
 */
public final class ConfigReplication {

    /** A configuration this small is an empty one (a header at most): never installed. */
    static final int SMALLEST_CONFIG = 61;
    private static final Duration PEER_COMMAND = Duration.ofSeconds(60);

    private final Pool pool;
    private final ServiceStore store;
    private final KeywordDictionary dictionary;
    private final NodeIdentity node;
    private final ServiceActions actions;

    public ConfigReplication(Pool pool, ServiceStore store, KeywordDictionary dictionary, NodeIdentity node,
                             ServiceActions actions) {
        this.pool = pool;
        this.store = store;
        this.dictionary = dictionary;
        this.node = node;
        this.actions = actions;
    }

    /** @return whether every peer of the service now has its newest configuration */
    public boolean sync(String service, Consumer<String> output) {
        return sync(service, output, Map.of());
    }

    /**
     * The same, with what some peers have just said of themselves (by node name): their version of
     * the configuration is not asked again.
     */
    public boolean sync(String service, Consumer<String> output, Map<String, NodeInfo> known) {
        Placement placement = Placement.of(service, store, dictionary, node);
        if (placement.inGuest()) {
            return true;
        }
        reconcileGuests(service, output);
        List<PoolNode> peers = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        for (String name : placement.peers()) {
            try {
                peers.add(pool.node(name));
            } catch (PoolException e) {
                log(service, "WARN", "not replicated to " + name + ": not in this node's pool (pool add-node)", output);
            }
        }
        Map<PoolNode, Reply<ConfigVersion>> copies = pool.each(peers, peer -> (known.containsKey(peer.name())
                ? known.get(peer.name()) : pool.info(peer, List.of(service))).services().get(service));
        Map<PoolNode, ConfigVersion> reached = new LinkedHashMap<>();
        copies.forEach((peer, reply) -> {
            if (reply.ok()) {
                reached.put(peer, reply.value());
            } else {
                unreached.add(peer.name());
                log(service, "WARN", "not replicated to " + peer.name() + ", tried again at the next sync: "
                        + reply.failure().getMessage(), output);
            }
        });
        pullNewest(service, placement, reached, output);
        ConfigVersion local = LocalNode.version(store, service);
        Map<PoolNode, Reply<Boolean>> pushes = pool.each(reached.keySet().stream()
                .filter(peer -> takes(placement, peer, reached.get(peer), local)).toList(),
                peer -> push(service, peer, local));
        pushes.forEach((peer, reply) -> {
            if (reply.ok()) {
                ConfigVersion old = reached.get(peer);
                log(service, "INFO", "replicated to " + peer.name() + (old == null ? " (it had none)"
                        : " (its copy of " + Instant.ofEpochSecond(old.version()) + " was older)"), output);
            } else {
                unreached.add(peer.name());
                log(service, "WARN", "not replicated to " + peer.name() + ", tried again at the next sync: "
                        + reply.failure().getMessage(), output);
            }
        });
        writePending(service, unreached);
        return unreached.isEmpty();
    }

    /** Whether a reachable peer is to take this node's copy. */
    private boolean takes(Placement placement, PoolNode peer, ConfigVersion theirs, ConfigVersion local) {
        if (theirs != null && (theirs.checksum().equals(local.checksum()) || theirs.version() >= local.version())) {
            return false;
        }
        return !(placement.drpOnly(placement.self()) && placement.nodes().contains(peer.name()));
    }

    /** Installs here the newest differing copy among the peers, when newer than this node's. */
    private void pullNewest(String service, Placement placement, Map<PoolNode, ConfigVersion> reached,
                            Consumer<String> output) {
        ConfigVersion local = LocalNode.version(store, service);
        PoolNode newest = null;
        for (Map.Entry<PoolNode, ConfigVersion> copy : reached.entrySet()) {
            ConfigVersion theirs = copy.getValue();
            boolean fromDrp = placement.drpOnly(copy.getKey().name()) && placement.nodes().contains(placement.self());
            if (theirs != null && !theirs.checksum().equals(local.checksum()) && theirs.version() > local.version()
                    && (newest == null || theirs.version() > reached.get(newest).version())) {
                if (fromDrp) {
                    log(service, "INFO", copy.getKey().name() + " has a newer copy, not taken: a DR node does not "
                            + "give its configuration to the nodes", output);
                } else {
                    newest = copy.getKey();
                }
            }
        }
        if (newest != null) {
            pull(service, newest, reached.get(newest), local, output);
        }
    }

    private void pull(String service, PoolNode peer, ConfigVersion theirs, ConfigVersion local,
                      Consumer<String> output) {
        CommandResult printed = pool.call(peer, List.of("svc", "print-config", service), null, PEER_COMMAND);
        if (!printed.succeeded()) {
            throw new PoolException("cannot pull the configuration of " + service + " from " + peer.name() + ": "
                    + printed.reason());
        }
        if (printed.stdout().getBytes(StandardCharsets.UTF_8).length < SMALLEST_CONFIG) {
            throw new PoolException("pulled an empty configuration of " + service + " from " + peer.name()
                    + ": kept this node's");
        }
        store.install(service, ConfigReader.read(printed.stdout(), peer.name() + ":" + service),
                Instant.ofEpochSecond(theirs.version()));
        log(service, "WARN", "this node's copy of " + Instant.ofEpochSecond(local.version()) + " is replaced by the "
                + "newer one of " + peer.name() + " (" + Instant.ofEpochSecond(theirs.version()) + ")", output);
    }

    private boolean push(String service, PoolNode peer, ConfigVersion local) {
        byte[] text;
        try {
            text = Files.readAllBytes(store.file(service));
        } catch (IOException e) {
            throw new PoolException("cannot read " + store.file(service) + ": " + e.getMessage(), e);
        }
        CommandResult created = pool.call(peer, List.of("svc", "create", "--config", "-", "--force",
                "--version", Long.toString(local.version()), service), text, PEER_COMMAND);
        if (!created.succeeded()) {
            throw new PoolException(peer.name() + " refused it: " + created.reason());
        }
        return true;
    }

    /** An edit made inside a guest travels with the rest: the guests' newest copy comes first. */
    private void reconcileGuests(String service, Consumer<String> output) {
        if (actions.encapsulation(service).guests().isEmpty()) {
            return;
        }
        try {
            actions.pushConfig(service, List.of(), output);
        } catch (ActionException e) {
            log(service, "WARN", "guests not reconciled before replication: " + e.getMessage(), output);
        }
    }

    /** The peers still to be given the configuration, as the last sync left them. */
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
            log(service, "WARN", "cannot write " + file + ": " + e.getMessage(), null);
        }
    }

    private Path pendingFile(String service) {
        return actions.actionLog(service).resolveSibling("sync-config.pending");
    }

    private void log(String service, String level, String message, Consumer<String> output) {
        actions.log(service, null, level, message, output);
    }
}
