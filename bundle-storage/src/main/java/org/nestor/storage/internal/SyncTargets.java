package org.nestor.storage.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * What the sync resources share: their target nodes (the service's nodes and/or drpnodes, this
 * node left out, reached as the pool reaches them: its keys and known_hosts, with OpenSSH for the
 * data streams), the time of each target's last successful sync
 * ({@code data/nestor/<svc>/<rid>.synced}) and the status that follows from it.
 */
final class SyncTargets {

    private static final Duration DEFAULT_MAX_DELAY = Duration.ofDays(1);

    private final ResourceContext context;
    private final Pool pool;
    private final List<String> lists;
    private final Duration maxDelay;

    SyncTargets(ResourceContext context, Pool pool) throws ResourceException {
        this.context = context;
        this.pool = pool;
        List<String> target = context.list("target");
        this.lists = target.isEmpty() ? List.of("nodes", "drpnodes") : target;
        for (String list : lists) {
            if (!list.equals("nodes") && !list.equals("drpnodes")) {
                throw new ResourceException("target: '" + list + "' is neither nodes nor drpnodes");
            }
        }
        this.maxDelay = context.duration("sync_max_delay", DEFAULT_MAX_DELAY);
    }

    /** The keywords every sync type has, then the type's own. */
    static List<Keyword> keywords(String type, Keyword... own) {
        List<Keyword> keywords = new ArrayList<>(List.of(
                StorageKeywords.of("sync", type, "target", ValueType.LIST, "Where the data goes: nodes, drpnodes or "
                        + "both (the service's, this node left out); default both"),
                StorageKeywords.of("sync", type, "sync_max_delay", ValueType.DURATION, "The status turns warn when a "
                        + "target's last successful sync is older than this").withDefault("1d")));
        keywords.addAll(List.of(own));
        return keywords;
    }

    /** The target node names. */
    List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        lists.forEach(list -> names.addAll(context.nodeList(list)));
        names.remove(context.node());
        return List.copyOf(names);
    }

    /** @throws ResourceException naming the target the pool does not know */
    PoolNode peer(String name) throws ResourceException {
        try {
            return pool.node(name);
        } catch (PoolException e) {
            throw new ResourceException("target " + name + ": " + e.getMessage(), e);
        }
    }

    /** The OpenSSH client command reaching the peer (strict host keys from Nestor's known_hosts). */
    List<String> ssh(PoolNode peer) {
        return List.of("ssh", "-i", peer.key().toString(), "-p", Integer.toString(peer.port()), "-l", peer.user(),
                "-o", "UserKnownHostsFile=" + context.configDirectory().resolve("known_hosts"),
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", peer.host());
    }

    /** The same as one line, as rsync -e wants it. */
    String sshLine(PoolNode peer) {
        List<String> ssh = ssh(peer);
        return SshSessions.shellWords(ssh.subList(0, ssh.size() - 1));
    }

    /**
     * Runs {@code work} for each target in turn, records the time of each success, and fails
     * naming every target that failed.
     */
    void each(TargetWork work) throws ResourceException {
        List<String> failures = new ArrayList<>();
        for (String name : names()) {
            try {
                work.run(peer(name));
                record(name, Instant.now());
                context.log().info("synced to " + name);
            } catch (ResourceException e) {
                context.log().error("sync to " + name + " failed: " + e.getMessage());
                failures.add(name + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new ResourceException(String.join("; ", failures));
        }
    }

    @FunctionalInterface
    interface TargetWork {
        void run(PoolNode peer) throws ResourceException;
    }

    /** up when every target had a successful sync within sync_max_delay; down (shown warn) otherwise. */
    ResourceStatus status() {
        List<String> names = names();
        if (names.isEmpty()) {
            return new ResourceStatus(Status.NA, List.of("no target node"));
        }
        Properties synced = read();
        List<String> late = new ArrayList<>();
        Instant oldest = Instant.now().minus(maxDelay);
        for (String name : names) {
            String time = synced.getProperty(name);
            if (time == null) {
                late.add(name + ": never synced");
            } else if (Instant.ofEpochSecond(Long.parseLong(time)).isBefore(oldest)) {
                late.add(name + ": last sync " + Instant.ofEpochSecond(Long.parseLong(time)) + ", older than "
                        + maxDelay.toSeconds() + " s");
            }
        }
        return new ResourceStatus(late.isEmpty() ? Status.UP : Status.DOWN, late);
    }

    private Path stateFile() {
        return context.dataDirectory().resolve(context.rid() + ".synced");
    }

    private Properties read() {
        Properties synced = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile(), StandardCharsets.UTF_8)) {
            synced.load(reader);
        } catch (NoSuchFileException e) {
            return synced;
        } catch (IOException e) {
            context.log().warn("cannot read " + stateFile() + ": " + e.getMessage());
        }
        return synced;
    }

    private synchronized void record(String name, Instant time) throws ResourceException {
        Properties synced = read();
        synced.setProperty(name, Long.toString(time.getEpochSecond()));
        StringWriter text = new StringWriter();
        try {
            synced.store(text, null);
            LocalFiles.replace(stateFile(), temporary -> Files.writeString(temporary,
                    text.toString()));
        } catch (IOException e) {
            throw new ResourceException("cannot write " + stateFile() + ": " + e.getMessage(), e);
        }
    }
}
