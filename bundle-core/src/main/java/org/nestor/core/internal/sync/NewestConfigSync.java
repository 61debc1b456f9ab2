package org.nestor.core.internal.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.nestor.core.internal.Parallel;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.action.GuestBoundary;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigPeer;
import org.nestor.core.sync.ConfigSync;
import org.nestor.core.sync.ConfigVersion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ConfigSync}: one version rule (a differing checksum and a newer time), one size rule, the
 * same for pool peers and guests. The version every party had after the last sync that reached
 * them all is kept in {@code data/nestor/<svc>/config.agreed}: an edit made since then and
 * overwritten by a newer one is said, so that nobody's change disappears silently. A guest's copy
 * is held to the engine's {@link GuestBoundary}; the copies refused stand in
 * {@code data/nestor/<svc>/config.refused} until resolved.
 */
@Component(service = ConfigSync.class)
public class NewestConfigSync implements ConfigSync {

    /** A configuration this small is an empty one (a header at most): never installed. */
    static final int SMALLEST_CONFIG = 61;
    private static final long NONE = -1;

    private final ServiceStore store;
    private final ServiceEngine log;

    /**
     * @param log the engine: where the lines go (its action log), without the layers over it, and the
     *            guests' trust boundary
     */
    @Activate
    public NewestConfigSync(@Reference ServiceStore store, @Reference ServiceEngine log) {
        this.store = store;
        this.log = log;
    }

    @Override
    public List<String> sync(String service, List<? extends ConfigPeer> peers, boolean dryRun,
                             Consumer<String> output) {
        List<String> unreached = new ArrayList<>();
        Map<ConfigPeer, ConfigVersion> copies = versions(service, peers, unreached, output);
        ConfigVersion local = LocalCopy.version(store, service);
        Map<ConfigPeer, ServiceConfig> pulled = new HashMap<>();
        Map<ConfigPeer, List<String>> refused = refused(service, local, copies, pulled, dryRun, output);
        ConfigPeer newest = newest(service, local, copies, refused.keySet(), output);
        ConfigVersion current = local;
        if (newest != null) {
            current = copies.get(newest);
            if (dryRun) {
                say(service, newest, "INFO", "would pull the newer configuration of " + newest.name(), output);
            } else {
                pull(service, newest, pulled.containsKey(newest) ? pulled.get(newest) : parsed(service, newest),
                        current, local, output);
            }
        }
        reportOverwritten(service, local, copies, current, newest, refused.keySet(), output);
        ConfigVersion winning = current;
        List<ConfigPeer> takers = copies.keySet().stream().filter(peer -> peer != newest && peer.takes()
                && !refused.containsKey(peer) && winning.newerThan(copies.get(peer))).toList();
        if (dryRun) {
            takers.forEach(peer -> say(service, peer, "INFO", "would push the configuration to " + peer.name(), output));
            return unreached;
        }
        push(service, takers, copies, unreached, output);
        recordRefusals(service, copies.keySet(), refused, copies, LocalCopy.version(store, service));
        if (unreached.isEmpty() && refused.isEmpty()) {
            writeAgreed(service, winning.version());
        }
        return unreached;
    }

    @Override
    public List<String> give(String service, List<? extends ConfigPeer> peers, Consumer<String> output) {
        List<String> unreached = new ArrayList<>();
        Map<ConfigPeer, ConfigVersion> copies = versions(service, peers, unreached, output);
        ConfigVersion local = LocalCopy.version(store, service);
        List<ConfigPeer> takers = copies.keySet().stream().filter(peer -> copies.get(peer) == null
                || !copies.get(peer).checksum().equals(local.checksum())).toList();
        push(service, takers, copies, unreached, output);
        Set<ConfigPeer> replaced = copies.keySet().stream().filter(peer -> !unreached.contains(peer.name()))
                .collect(Collectors.toSet());
        recordRefusals(service, replaced, Map.of(), copies, local);
        return unreached;
    }

    @Override
    public Map<String, List<String>> refusals(String service) {
        Map<String, List<String>> refusals = new LinkedHashMap<>();
        readRefusals(service).forEach((name, refusal) -> refusals.put(name, refusal.changes()));
        return refusals;
    }

    private Map<ConfigPeer, ConfigVersion> versions(String service, List<? extends ConfigPeer> peers,
                                                    List<String> unreached, Consumer<String> output) {
        Map<ConfigPeer, ConfigVersion> copies = new LinkedHashMap<>();
        Parallel.each(peers, peer -> peer.version(service)).forEach((peer, reply) -> {
            if (reply.ok()) {
                copies.put(peer, reply.value());
            } else {
                unreached(service, peer, reply.failure(), unreached, output);
            }
        });
        return copies;
    }

    /**
     * The guests' copies that change the hypervisor view, each with what it changes: those newer
     * than this node's, and those refused before that changed since (a copy refused before and
     * unchanged, against this node's unchanged copy, is not read again). The copies read are kept
     * in {@code pulled}.
     */
    private Map<ConfigPeer, List<String>> refused(String service, ConfigVersion local,
                                                  Map<ConfigPeer, ConfigVersion> copies,
                                                  Map<ConfigPeer, ServiceConfig> pulled, boolean dryRun,
                                                  Consumer<String> output) {
        Map<ConfigPeer, List<String>> refused = new LinkedHashMap<>();
        Map<String, Refusal> standing = readRefusals(service);
        GuestBoundary boundary = null;
        for (Map.Entry<ConfigPeer, ConfigVersion> copy : copies.entrySet()) {
            ConfigPeer peer = copy.getKey();
            ConfigVersion theirs = copy.getValue();
            Refusal before = standing.get(peer.name());
            if (peer.origin() != ChangeOrigin.GUEST || theirs == null || theirs.checksum().equals(local.checksum())
                    || !theirs.newerThan(local) && before == null || peer.refusesToGive() != null) {
                continue;
            }
            if (boundary == null) {
                boundary = log.guestBoundary(service);
                if (boundary.full()) {
                    return refused;
                }
            }
            List<String> changes;
            if (before != null && before.theirs().equals(theirs.checksum()) && before.ours().equals(local.checksum())) {
                changes = before.changes();
            } else {
                ServiceConfig config = parsed(service, peer);
                pulled.put(peer, config);
                changes = boundary.changes(config);
            }
            if (!changes.isEmpty()) {
                refused.put(peer, changes);
                say(service, peer, "WARN", (dryRun ? "would refuse" : "refused") + " the configuration of "
                        + peer.name() + ": a guest may change only its encapsulated resources, and its copy changes "
                        + String.join(", ", changes) + "; this node's is kept and " + peer.name()
                        + "'s left as it is (svc push-config --force " + service + " replaces it)", output);
            }
        }
        return refused;
    }

    /** The newest copy newer than this node's that may be installed here, or null. */
    private ConfigPeer newest(String service, ConfigVersion local, Map<ConfigPeer, ConfigVersion> copies,
                              Set<ConfigPeer> refused, Consumer<String> output) {
        ConfigPeer newest = null;
        for (Map.Entry<ConfigPeer, ConfigVersion> copy : copies.entrySet()) {
            ConfigVersion theirs = copy.getValue();
            if (theirs == null || !theirs.newerThan(local) || refused.contains(copy.getKey())) {
                continue;
            }
            String refusal = copy.getKey().refusesToGive();
            if (refusal != null) {
                say(service, copy.getKey(), "INFO", copy.getKey().name() + " has a newer copy, not taken: " + refusal,
                        output);
            } else if (newest == null || theirs.version() > copies.get(newest).version()) {
                newest = copy.getKey();
            }
        }
        return newest;
    }

    /** A party's copy, read and parsed before anything else looks at it; an empty one is refused. */
    private static ServiceConfig parsed(String service, ConfigPeer peer) {
        String text = peer.read(service);
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size < SMALLEST_CONFIG) {
            throw new IllegalStateException("pulled an empty configuration from " + peer.name() + " (" + size
                    + " bytes): kept this node's");
        }
        return ConfigReader.read(text, peer.name() + ":" + service);
    }

    private void pull(String service, ConfigPeer peer, ServiceConfig config, ConfigVersion theirs, ConfigVersion local,
                      Consumer<String> output) {
        store.install(service, config, Instant.ofEpochSecond(theirs.version()), peer.origin(), output);
        say(service, peer, "INFO", "pulled the configuration of " + peer.name() + " (" + Instant.ofEpochSecond(
                theirs.version()) + ", newer than this node's " + Instant.ofEpochSecond(local.version()) + ")", output);
    }

    private void push(String service, List<ConfigPeer> takers, Map<ConfigPeer, ConfigVersion> copies,
                      List<String> unreached, Consumer<String> output) {
        if (takers.isEmpty()) {
            return;
        }
        byte[] text;
        long version;
        try {
            text = Files.readAllBytes(store.file(service));
            version = Files.getLastModifiedTime(store.file(service)).to(TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + store.file(service) + ": " + e.getMessage(), e);
        }
        // the copy installed here is the one every taker gets, with its version
        Parallel.each(takers, peer -> {
            peer.install(service, text, version);
            return true;
        }).forEach((peer, reply) -> {
            ConfigVersion old = copies.get(peer);
            if (reply.ok()) {
                say(service, peer, "INFO", "pushed the configuration to " + peer.name() + (old == null
                        ? " (it had none)" : " (its copy of " + Instant.ofEpochSecond(old.version()) + " was older)"),
                        output);
            } else {
                unreached(service, peer, reply.failure(), unreached, output);
            }
        });
    }

    /** Edits made since the last agreement that the newest copy overwrites, each said with its time. */
    private void reportOverwritten(String service, ConfigVersion local, Map<ConfigPeer, ConfigVersion> copies,
                                   ConfigVersion current, ConfigPeer winner, Set<ConfigPeer> refused,
                                   Consumer<String> output) {
        long agreed = readAgreed(service);
        if (agreed == NONE) {
            return;
        }
        String winnerName = winner == null ? "this node" : winner.name();
        if (local.version() > agreed && local.version() < current.version()) {
            say(service, null, "WARN", "this node's edit of " + Instant.ofEpochSecond(local.version())
                    + " is overwritten by the newer one of " + winnerName, output);
        }
        copies.forEach((peer, theirs) -> {
            if (theirs != null && !refused.contains(peer) && theirs.version() > agreed
                    && theirs.version() < current.version()) {
                say(service, peer, "WARN", peer.name() + "'s edit of " + Instant.ofEpochSecond(theirs.version())
                        + " is overwritten by the newer one of " + winnerName, output);
            }
        });
    }

    private void unreached(String service, ConfigPeer peer, RuntimeException failure, List<String> unreached,
                           Consumer<String> output) {
        unreached.add(peer.name());
        say(service, peer, "WARN", "not replicated to " + peer.name() + ", tried again at the next sync: "
                + failure.getMessage(), output);
    }

    private long readAgreed(String service) {
        try {
            return Long.parseLong(Files.readString(agreedFile(service)).strip());
        } catch (IOException | NumberFormatException e) {
            return NONE;
        }
    }

    private void writeAgreed(String service, long version) {
        try {
            AtomicFiles.replace(agreedFile(service), version + "\n");
        } catch (IOException e) {
            log.log(service, null, "WARN", "cannot write " + agreedFile(service) + ": " + e.getMessage(), null);
        }
    }

    /** A guest's copy refused against this node's: both checksums, and what it changes. */
    private record Refusal(String theirs, String ours, List<String> changes) {
    }

    /**
     * Keeps {@code data/nestor/<svc>/config.refused} for the parties reached: a refused copy is
     * recorded, any other copy clears its party's line; parties not reached keep theirs.
     */
    private void recordRefusals(String service, Set<ConfigPeer> reached, Map<ConfigPeer, List<String>> refused,
                                Map<ConfigPeer, ConfigVersion> copies, ConfigVersion local) {
        Map<String, Refusal> refusals = readRefusals(service);
        Map<String, Refusal> before = new LinkedHashMap<>(refusals);
        for (ConfigPeer peer : reached) {
            List<String> changes = refused.get(peer);
            if (changes == null) {
                refusals.remove(peer.name());
            } else {
                refusals.put(peer.name(), new Refusal(copies.get(peer).checksum(), local.checksum(), changes));
            }
        }
        if (refusals.equals(before)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        refusals.forEach((name, refusal) -> text.append(String.join("\t", name, refusal.theirs(), refusal.ours()))
                .append(refusal.changes().stream().map(change -> "\t" + change.replaceAll("\\s", " "))
                        .collect(Collectors.joining())).append('\n'));
        try {
            AtomicFiles.replace(refusalsFile(service), text.toString());
        } catch (IOException e) {
            log.log(service, null, "WARN", "cannot write " + refusalsFile(service) + ": " + e.getMessage(), null);
        }
    }

    private Map<String, Refusal> readRefusals(String service) {
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(refusalsFile(service), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length > 3) {
                    refusals.put(fields[0], new Refusal(fields[1], fields[2],
                            List.of(fields).subList(3, fields.length)));
                }
            }
        } catch (IOException e) {
            // none refused
        }
        return refusals;
    }

    private Path refusalsFile(String service) {
        return log.actionLog(service).resolveSibling("config.refused");
    }

    private Path agreedFile(String service) {
        return log.actionLog(service).resolveSibling("config.agreed");
    }

    private void say(String service, ConfigPeer peer, String level, String message, Consumer<String> output) {
        log.log(service, peer == null ? null : peer.rid(), level, message, output);
    }
}
