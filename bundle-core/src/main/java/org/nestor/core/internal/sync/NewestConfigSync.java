package org.nestor.core.internal.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nestor.core.internal.Parallel;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.pool.Pool.Reply;
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
 * overwritten by a newer one is said, so that nobody's change disappears silently.
 */
@Component(service = ConfigSync.class)
public class NewestConfigSync implements ConfigSync {

    /** A configuration this small is an empty one (a header at most): never installed. */
    static final int SMALLEST_CONFIG = 61;
    private static final long NONE = -1;

    private final ServiceStore store;
    private final ServiceEngine log;

    /** @param log the engine: where the lines go (its action log), without the layers over it */
    @Activate
    public NewestConfigSync(@Reference ServiceStore store, @Reference ServiceEngine log) {
        this.store = store;
        this.log = log;
    }

    @Override
    public List<String> sync(String service, List<? extends ConfigPeer> peers, boolean dryRun,
                             Consumer<String> output) {
        List<String> unreached = new ArrayList<>();
        Map<ConfigPeer, ConfigVersion> copies = new LinkedHashMap<>();
        Map<ConfigPeer, Reply<ConfigVersion>> answers = Parallel.each(peers, peer -> peer.version(service));
        answers.forEach((peer, reply) -> {
            if (reply.ok()) {
                copies.put(peer, reply.value());
            } else {
                unreached(service, peer, reply.failure(), unreached, output);
            }
        });
        ConfigVersion local = LocalCopy.version(store, service);
        ConfigPeer newest = newest(service, local, copies, output);
        ConfigVersion current = local;
        if (newest != null) {
            current = copies.get(newest);
            if (dryRun) {
                say(service, newest, "INFO", "would pull the newer configuration of " + newest.name(), output);
            } else {
                pull(service, newest, current, local, output);
            }
        }
        reportOverwritten(service, local, copies, current, newest, output);
        ConfigVersion winning = current;
        List<ConfigPeer> takers = copies.keySet().stream().filter(peer -> peer != newest && peer.takes()
                && winning.newerThan(copies.get(peer))).toList();
        if (dryRun) {
            takers.forEach(peer -> say(service, peer, "INFO", "would push the configuration to " + peer.name(), output));
            return unreached;
        }
        push(service, takers, copies, unreached, output);
        if (unreached.isEmpty()) {
            writeAgreed(service, winning.version());
        }
        return unreached;
    }

    /** The newest copy newer than this node's that may be installed here, or null. */
    private ConfigPeer newest(String service, ConfigVersion local, Map<ConfigPeer, ConfigVersion> copies,
                              Consumer<String> output) {
        ConfigPeer newest = null;
        for (Map.Entry<ConfigPeer, ConfigVersion> copy : copies.entrySet()) {
            ConfigVersion theirs = copy.getValue();
            if (theirs == null || !theirs.newerThan(local)) {
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

    private void pull(String service, ConfigPeer peer, ConfigVersion theirs, ConfigVersion local,
                      Consumer<String> output) {
        String text = peer.read(service);
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size < SMALLEST_CONFIG) {
            throw new IllegalStateException("pulled an empty configuration from " + peer.name() + " (" + size
                    + " bytes): kept this node's");
        }
        store.install(service, ConfigReader.read(text, peer.name() + ":" + service),
                Instant.ofEpochSecond(theirs.version()), peer.origin(), output);
        say(service, peer, "INFO", "pulled the configuration of " + peer.name() + " (" + Instant.ofEpochSecond(
                theirs.version()) + ", newer than this node's " + Instant.ofEpochSecond(local.version()) + ")", output);
    }

    private void push(String service, List<ConfigPeer> takers, Map<ConfigPeer, ConfigVersion> copies,
                      List<String> unreached, Consumer<String> output) {
        byte[] text;
        try {
            text = Files.readAllBytes(store.file(service));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + store.file(service) + ": " + e.getMessage(), e);
        }
        long version = LocalCopy.version(store, service).version();
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
                                   ConfigVersion current, ConfigPeer winner, Consumer<String> output) {
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
            if (theirs != null && theirs.version() > agreed && theirs.version() < current.version()) {
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

    private Path agreedFile(String service) {
        return log.actionLog(service).resolveSibling("config.agreed");
    }

    private void say(String service, ConfigPeer peer, String level, String message, Consumer<String> output) {
        log.log(service, peer == null ? null : peer.rid(), level, message, output);
    }
}
