package org.nestor.storage.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.ssh.SshSessions;

/**
 * A btrfs subvolume replicated by snapshots: each sync takes a read-only snapshot of src (in
 * {@code <src's parent>/.nestor-sync/<svc>.<rid>/}, named by its UTC time) and sends it to each
 * target with {@code btrfs send | ssh btrfs receive dst}: incrementally (-p) from the newest
 * snapshot the target already has, whole otherwise. The oldest snapshots beyond {@code keep} go,
 * on both sides.
 */
final class BtrfsSync extends SyncResource {

    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(6);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path source;
    private final String destination;
    private final int keep;
    private final Path snapshots;

    BtrfsSync(ResourceContext context, Pool pool) throws ResourceException {
        super(context, pool);
        this.source = Path.of(StorageKeywords.required(context, "src"));
        if (!source.isAbsolute() || source.getParent() == null) {
            throw new ResourceException("src: " + source + " is not an absolute path below /");
        }
        this.destination = StorageKeywords.required(context, "dst");
        Object kept = context.value("keep");
        this.keep = Math.max(2, kept instanceof Long value ? value.intValue() : 2);
        this.snapshots = source.getParent().resolve(".nestor-sync").resolve(context.service() + "."
                + context.rid().replace('#', '-'));
    }

    @Override
    public String label() {
        return source + " to " + destination + " on " + String.join(" ", targets.names()) + " (btrfs send)";
    }

    @Override
    public void sync() throws ResourceException {
        Path snapshot = snapshot();
        try {
            targets.each(peer -> send(peer, snapshot));
        } finally {
            pruneLocal();
        }
    }

    private Path snapshot() throws ResourceException {
        try {
            Files.createDirectories(snapshots);
        } catch (IOException e) {
            throw new ResourceException("cannot make " + snapshots + ": " + e.getMessage(), e);
        }
        Path snapshot = snapshots.resolve(NAME.format(Instant.now()));
        run(List.of("btrfs", "subvolume", "snapshot", "-r", source.toString(), snapshot.toString()));
        return snapshot;
    }

    /** Local snapshot names, oldest first (their names sort by time). */
    private List<String> localSnapshots() throws ResourceException {
        try (Stream<Path> entries = Files.list(snapshots)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ResourceException("cannot list " + snapshots + ": " + e.getMessage(), e);
        }
    }

    private void send(PoolNode peer, Path snapshot) throws ResourceException {
        List<String> remote = remote(peer, List.of("ls", "-1", destination)).lines().map(String::strip).toList();
        String parent = null;
        for (String name : localSnapshots()) {
            if (!name.equals(snapshot.getFileName().toString()) && remote.contains(name)) {
                parent = name;
            }
        }
        List<String> send = new ArrayList<>(List.of("btrfs", "send", "-q"));
        if (parent != null) {
            send.addAll(List.of("-p", snapshots.resolve(parent).toString()));
        }
        send.add(snapshot.toString());
        List<String> receive = new ArrayList<>(targets.ssh(peer));
        receive.add(SshSessions.shellWords(List.of("btrfs", "receive", "-q", destination)));
        context.log().info(String.join(" ", send) + " | ssh " + peer.host() + " btrfs receive " + destination
                + (parent == null ? " (whole: no common snapshot)" : " (incremental from " + parent + ")"));
        try {
            pipe(send, receive);
        } catch (ResourceException e) {
            // a partial receive must not pass for a parent at the next sync
            remoteQuietly(peer, List.of("btrfs", "subvolume", "delete", destination + "/" + snapshot.getFileName()));
            throw e;
        }
        List<String> received = new ArrayList<>(remote);
        received.add(snapshot.getFileName().toString());
        List<String> ours = received.stream().filter(name -> name.matches("\\d{8}T\\d{6}\\.\\d{3}Z")).sorted().toList();
        for (String old : ours.subList(0, Math.max(0, ours.size() - keep))) {
            remote(peer, List.of("btrfs", "subvolume", "delete", destination + "/" + old));
        }
    }

    /** Runs a command on the peer through OpenSSH; its output. */
    private String remote(PoolNode peer, List<String> argv) throws ResourceException {
        List<String> command = new ArrayList<>(targets.ssh(peer));
        command.add(SshSessions.shellWords(argv));
        return context.commands().check(command, Devices.QUICK).stdout();
    }

    private void remoteQuietly(PoolNode peer, List<String> argv) {
        try {
            remote(peer, argv);
        } catch (ResourceException e) {
            context.log().warn(e.getMessage());
        }
    }

    /** {@code send | receive}, both bounded by the transfer timeout, both required to succeed. */
    private static void pipe(List<String> send, List<String> receive) throws ResourceException {
        File sendErrors = null;
        File receiveErrors = null;
        List<Process> processes = List.of();
        try {
            sendErrors = File.createTempFile("nestor-send", ".err");
            receiveErrors = File.createTempFile("nestor-receive", ".err");
            processes = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder(send).redirectError(sendErrors).redirectInput(ProcessBuilder.Redirect.from(
                            new File("/dev/null"))),
                    new ProcessBuilder(receive).redirectError(receiveErrors).redirectOutput(
                            ProcessBuilder.Redirect.DISCARD)));
            long deadline = System.nanoTime() + TRANSFER_TIMEOUT.toNanos();
            for (Process process : processes) {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new ResourceException("btrfs send | receive did not end within " + TRANSFER_TIMEOUT);
                }
            }
            if (processes.get(0).exitValue() != 0 || processes.get(1).exitValue() != 0) {
                throw new ResourceException("btrfs send | receive failed: " + (Files.readString(sendErrors.toPath())
                        + " " + Files.readString(receiveErrors.toPath())).strip());
            }
        } catch (IOException e) {
            throw new ResourceException("btrfs send | receive: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("btrfs send | receive interrupted", e);
        } finally {
            processes.forEach(Process::destroyForcibly);
            for (File file : new File[] {sendErrors, receiveErrors}) {
                if (file != null) {
                    file.delete();
                }
            }
        }
    }

    private void pruneLocal() throws ResourceException {
        List<String> names = localSnapshots();
        for (String old : names.subList(0, Math.max(0, names.size() - keep))) {
            run(List.of("btrfs", "subvolume", "delete", snapshots.resolve(old).toString()));
        }
    }

    private void run(List<String> argv) throws ResourceException {
        context.log().info(String.join(" ", argv));
        context.commands().check(argv, TRANSFER_TIMEOUT);
    }
}
