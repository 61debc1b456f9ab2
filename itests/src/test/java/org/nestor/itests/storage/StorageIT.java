package org.nestor.itests.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;
import org.nestor.itests.Processes.Result;
import org.nestor.itests.pool.PoolNodes;

/**
 * Data replication between two Nestor nodes on loopback, over the pool's SSH: sync.rsync of a
 * directory (deletions included, a target down reported), and sync.btrfs of a subvolume on a
 * loop-mounted btrfs (a disk.loop + fs.btrfs of the same service) into another btrfs: a whole send
 * first, then incremental ones, old snapshots pruned on both sides; the status follows the last
 * successful sync.
 */
class StorageIT {

    private static PoolNodes nodes;
    private static Path data;

    @BeforeAll
    static void nodes() throws IOException {
        assumeTrue(PoolNodes.available(), "needs root and openssh-server");
        nodes = PoolNodes.create("n1", "n2");
        data = Files.createTempDirectory("nestor-storage");
    }

    @AfterAll
    static void close() throws IOException {
        if (data != null) {
            for (String mount : List.of("btrfs-b", "n1-a")) {
                Processes.run(List.of("umount", "-l", data.resolve(mount).toString()), null, 30);
            }
            for (String image : List.of("b.img", "a.img")) {
                for (String loop : Processes.run(List.of("losetup", "-j", data.resolve(image).toString()), null, 30)
                        .output().lines().map(l -> l.substring(0, l.indexOf(':'))).toList()) {
                    Processes.run(List.of("losetup", "-d", loop), null, 30);
                }
            }
            try (Stream<Path> tree = Files.walk(data)) {
                tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void rsyncMirrorsADirectoryToTheDrpNode() throws Exception {
        Path source = Files.createDirectories(data.resolve("src"));
        Path target = data.resolve("dst");
        Files.writeString(source.resolve("kept"), "one");
        Files.writeString(source.resolve("removed"), "two");
        Path config = Files.writeString(data.resolve("files.conf"), "[DEFAULT]\nnodes = n1\ndrpnodes = n2\n\n"
                + "[sync#1]\ntype = rsync\nsrc = " + source + "/\ndst = " + target + "\nsync_max_delay = 1h\n");
        nodes.nestor("n1", "svc", "create", "files", "--config", config.toString()).check("create");
        String before = nodes.nestor("n1", "svc", "print-status", "--refresh", "files").output();
        assertTrue(before.matches("(?s).*sync#1 +\\.+ +down .*n2: never synced.*"), before);

        String synced = nodes.nestor("n1", "svc", "sync", "files").check("sync").output();
        assertTrue(synced.contains("n1.files.sync#1 INFO synced to n2"), synced);
        assertEquals("one", Files.readString(target.resolve("kept")));
        assertTrue(nodes.nestor("n1", "svc", "print-status", "files").output().matches("(?s).*sync#1 +\\.+ +up .*"));

        Files.delete(source.resolve("removed"));
        Files.writeString(source.resolve("kept"), "one, edited");
        nodes.nestor("n1", "svc", "sync", "files").check("sync again");
        assertEquals("one, edited", Files.readString(target.resolve("kept")));
        assertFalse(Files.exists(target.resolve("removed")), "deletions follow");

        nodes.down("n2");
        try {
            Result failed = nodes.nestor("n1", "svc", "sync", "files");
            assertEquals(1, failed.exit(), failed.output());
            assertTrue(failed.output().contains("sync to n2 failed: rsync "), failed.output());
        } finally {
            nodes.up("n2");
        }
    }

    @Test
    void btrfsSendsWholeThenIncrementalSnapshots() throws Exception {
        Path image = data.resolve("a.img");
        Path mount = data.resolve("n1-a");
        Path config = Files.writeString(data.resolve("vol.conf"), "[DEFAULT]\nnodes = n1\ndrpnodes = n2\n\n"
                + "[disk#1]\ntype = loop\nfile = " + image + "\nsize = 300M\n\n"
                + "[fs#1]\ntype = btrfs\ndev = " + image + "\nmnt = " + mount + "\n\n"
                + "[sync#1]\ntype = btrfs\nsrc = " + mount + "/vol\ndst = " + data.resolve("btrfs-b/recv") + "\n");
        nodes.nestor("n1", "svc", "create", "vol", "--config", config.toString()).check("create");
        // the target: another btrfs, mounted by hand on "n2"
        Path other = data.resolve("b.img");
        Processes.run(List.of("truncate", "-s", "300M", other.toString()), null, 30).check("truncate");
        Processes.run(List.of("mkfs.btrfs", "-q", other.toString()), null, 60).check("mkfs");
        Files.createDirectories(data.resolve("btrfs-b"));
        Processes.run(List.of("mount", "-o", "loop", other.toString(), data.resolve("btrfs-b").toString()), null, 60)
                .check("mount b");
        Files.createDirectories(data.resolve("btrfs-b/recv"));

        nodes.nestor("n1", "svc", "provision", "vol").check("provision: image and filesystem");
        nodes.nestor("n1", "svc", "start", "vol").check("start: attached and mounted");
        Processes.run(List.of("btrfs", "subvolume", "create", mount.resolve("vol").toString()), null, 30).check("subvol");
        byte[] content = new byte[4 << 20];
        new Random(7).nextBytes(content);
        Files.write(mount.resolve("vol/data"), content);

        String first = nodes.nestor("n1", "svc", "sync", "vol").check("first sync").output();
        assertTrue(first.contains("(whole: no common snapshot)") && first.contains("synced to n2"), first);
        content[1234] ^= 1;
        try (RandomAccessFile file = new RandomAccessFile(mount.resolve("vol/data").toFile(), "rw")) {
            file.seek(1234);
            file.write(content[1234]);
        }
        String second = nodes.nestor("n1", "svc", "sync", "vol").check("second sync").output();
        assertTrue(second.contains("(incremental from "), second);
        List<String> received = snapshots(data.resolve("btrfs-b/recv"));
        assertEquals(2, received.size(), received.toString());
        assertArrayEquals(content, Files.readAllBytes(data.resolve("btrfs-b/recv").resolve(received.get(1)).resolve("data")));

        nodes.nestor("n1", "svc", "sync", "vol").check("third sync");
        List<String> kept = snapshots(data.resolve("btrfs-b/recv"));
        assertEquals(2, kept.size(), "keep = 2 on the target: " + kept);
        assertFalse(kept.contains(received.get(0)), kept.toString());
        assertEquals(2, snapshots(mount.resolve(".nestor-sync/vol.sync-1")).size(), "and here");
        assertTrue(nodes.nestor("n1", "svc", "print-status", "vol").output().matches("(?s).*sync#1 +\\.+ +up .*"));
        nodes.nestor("n1", "svc", "stop", "vol").check("stop: unmounted and detached");
    }

    private static List<String> snapshots(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
