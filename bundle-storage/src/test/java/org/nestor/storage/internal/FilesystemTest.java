package org.nestor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.Status;

/** Filesystems on real loop devices: made, checked, mounted, refused, unmounted, their holders named or killed. */
class FilesystemTest {

    @TempDir
    Path base;

    private final List<String> lines = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (Mounts.Mount mount : assertDoesNotFail()) {
            if (mount.mountPoint().startsWith(base.toString())) {
                Commands.local().run(List.of("umount", "-l", mount.mountPoint()), Devices.QUICK);
            }
        }
        StorageTestSupport.detach(base.resolve("disk.img"));
    }

    private static List<Mounts.Mount> assertDoesNotFail() {
        try {
            return Mounts.all();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    private Filesystem fs(FsType type, Map<String, Object> values) throws ResourceException {
        return new Filesystem(StorageTestSupport.context(base, "fs#1", values, lines), type);
    }

    @ParameterizedTest
    @EnumSource(value = FsType.class, names = {"EXT4", "XFS", "BTRFS"})
    void aFilesystemOnAnImageIsMadeMountedAndUnmounted(FsType type) throws Exception {
        StorageTestSupport.requireTools("losetup", "mkfs." + type.type(), "blkid");
        Path image = base.resolve("disk.img");
        StorageTestSupport.attach(image, "320M");
        Path mnt = base.resolve("mnt");
        Filesystem fs = fs(type, Map.of("dev", image.toString(), "mnt", mnt.toString(), "mnt_opt", "noatime"));
        assertFalse(fs.provisioned());
        fs.provision();
        assertTrue(fs.provisioned());
        assertEquals(Status.DOWN, fs.status().status());
        fs.start();
        assertEquals(Status.UP, fs.status().status());
        if (type == FsType.EXT4) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO e2fsck -p /dev/loop")), lines.toString());
        }
        Files.writeString(mnt.resolve("data"), "kept");
        fs.start();
        assertTrue(lines.get(lines.size() - 1).endsWith(mnt + " already mounted"), lines.toString());
        fs.stop();
        assertEquals(Status.DOWN, fs.status().status());
        assertFalse(Files.exists(mnt.resolve("data")), "unmounted");
        fs.start();
        assertEquals("kept", Files.readString(mnt.resolve("data")));
        fs.stop();
        // a device holding another filesystem is not formatted again
        ResourceException other = assertThrows(ResourceException.class, () -> fs(type == FsType.EXT4 ? FsType.XFS
                : FsType.EXT4, Map.of("dev", image.toString(), "mnt", mnt.toString())).provision());
        assertTrue(other.getMessage().contains("holds a " + type.type() + " filesystem"), other.getMessage());
    }

    @Test
    void anUnexpectedMountPointIsRefusedAndLeftAlone() throws Exception {
        StorageTestSupport.requireTools("mount");
        Path mnt = Files.createDirectories(base.resolve("mnt"));
        Files.writeString(mnt.resolve("precious"), "do not hide me");
        Filesystem fs = fs(FsType.TMPFS, Map.of("mnt", mnt.toString()));
        ResourceException refused = assertThrows(ResourceException.class, fs::start);
        assertEquals("mnt: " + mnt + " is not mounted and not empty (precious...): refusing to mount over an "
                + "unexpected mount point", refused.getMessage());
        assertEquals("do not hide me", Files.readString(mnt.resolve("precious")));
        assertEquals(Status.DOWN, fs.status().status());
        assertEquals("mnt: relative is not an absolute path", assertThrows(ResourceException.class,
                () -> fs(FsType.TMPFS, Map.of("mnt", "relative"))).getMessage());
        assertEquals("dev is required", assertThrows(ResourceException.class,
                () -> fs(FsType.EXT4, Map.of("mnt", mnt.toString()))).getMessage());
        ResourceException notAttached = assertThrows(ResourceException.class, () -> fs(FsType.EXT4,
                Map.of("dev", mnt.resolve("precious").toString(), "mnt", base.resolve("m2").toString())).start());
        assertTrue(notAttached.getMessage().startsWith("dev: " + mnt.resolve("precious") + " is a file with no loop"),
                notAttached.getMessage());
    }

    @Test
    void tmpfsAndBindMountsAndAForeignMount() throws Exception {
        StorageTestSupport.requireTools("mount");
        Path mnt = base.resolve("tmp");
        Filesystem tmpfs = fs(FsType.TMPFS, Map.of("mnt", mnt.toString(), "mnt_opt", "size=8m"));
        tmpfs.start();
        assertEquals(Status.UP, tmpfs.status().status());
        Files.writeString(mnt.resolve("f"), "in tmpfs");
        Path bound = base.resolve("bound");
        Filesystem bind = fs(FsType.BIND, Map.of("dev", mnt.toString(), "mnt", bound.toString(), "mnt_opt", "ro"));
        bind.start();
        assertEquals("in tmpfs", Files.readString(bound.resolve("f")));
        assertThrows(java.io.IOException.class, () -> Files.writeString(bound.resolve("g"), "read-only"));
        bind.stop();
        // the tmpfs mount point seen by an ext4 resource: mounted from something else
        Path image = base.resolve("disk.img");
        StorageTestSupport.requireTools("losetup", "mkfs.ext4");
        StorageTestSupport.attach(image, "32M");
        Commands.local().check(List.of("mkfs.ext4", "-q", Devices.block(Commands.local(), image.toString()).toString()),
                Devices.QUICK);
        ResourceException foreign = assertThrows(ResourceException.class, () -> fs(FsType.EXT4,
                Map.of("dev", image.toString(), "mnt", mnt.toString())).start());
        assertEquals("mnt: " + mnt + " is mounted from tmpfs, not " + image, foreign.getMessage());
        tmpfs.stop();
        assertEquals(Status.DOWN, tmpfs.status().status());
    }

    @Test
    void aBusyMountIsNamedThenItsHoldersKilledWhenAsked() throws Exception {
        StorageTestSupport.requireTools("mount", "fuser");
        Path mnt = base.resolve("busy");
        Map<String, Object> values = new HashMap<>(Map.of("mnt", mnt.toString()));
        Filesystem fs = fs(FsType.TMPFS, values);
        fs.start();
        Process holder = new ProcessBuilder("sleep", "600").directory(mnt.toFile()).start();
        try {
            ResourceException busy = assertThrows(ResourceException.class, fs::stop);
            assertTrue(busy.getMessage().startsWith("umount " + mnt + " failed: ") && busy.getMessage()
                    .endsWith("(held by pids " + holder.pid() + "; kill_holders = true kills them on stop)"),
                    busy.getMessage());
            assertEquals(Status.UP, fs.status().status());
            values.put("kill_holders", true);
            fs(FsType.TMPFS, values).stop();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS), "the holder was killed");
            assertEquals(Status.DOWN, fs.status().status());
        } finally {
            holder.destroyForcibly();
        }
    }
}
