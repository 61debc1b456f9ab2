package org.nestor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.Status;

class LoopDiskTest {

    @TempDir
    Path base;

    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void tools() {
        StorageTestSupport.requireTools("losetup");
    }

    @AfterEach
    void detach() {
        StorageTestSupport.detach(base.resolve("disk.img"));
    }

    private LoopDisk disk(Map<String, Object> values) throws ResourceException {
        return new LoopDisk(StorageTestSupport.context(base, "disk#1", values, lines));
    }

    @Test
    void provisionAttachDetachUnprovision() throws Exception {
        Path image = base.resolve("disk.img");
        LoopDisk disk = disk(Map.of("file", image.toString(), "size", 64L << 20));
        assertFalse(disk.provisioned());
        ResourceException missing = assertThrows(ResourceException.class, disk::start);
        assertEquals("file: " + image + " does not exist (svc provision creates it, given a size)", missing.getMessage());

        disk.provision();
        assertEquals(64L << 20, Files.size(image));
        assertTrue(disk.provisioned());
        disk.start();
        assertEquals(Status.UP, disk.status().status());
        assertTrue(disk.label().matches(image + " on /dev/loop\\d+"), disk.label());
        disk.start();
        assertTrue(lines.get(lines.size() - 1).contains("already on /dev/loop"), lines.toString());
        disk.stop();
        assertEquals(Status.DOWN, disk.status().status());
        disk.unprovision();
        assertFalse(Files.exists(image));
    }

    @Test
    void aFileThisServiceDidNotCreateIsNeverDeleted() throws Exception {
        Path image = Files.writeString(base.resolve("disk.img"), "someone's data");
        LoopDisk disk = disk(Map.of("file", image.toString()));
        ResourceException refused = assertThrows(ResourceException.class, disk::unprovision);
        assertTrue(refused.getMessage().startsWith("not deleting disk.img: service st did not create it"),
                refused.getMessage());
        assertEquals("someone's data", Files.readString(image));
        assertEquals("size is required to create " + base.resolve("other.img"), assertThrows(ResourceException.class,
                () -> disk(Map.of("file", base.resolve("other.img").toString())).provision()).getMessage());
        assertEquals("file: disk.img is not an absolute path", assertThrows(ResourceException.class,
                () -> disk(Map.of("file", "disk.img"))).getMessage());
        assertEquals("file is required", assertThrows(ResourceException.class, () -> disk(Map.of())).getMessage());
    }
}
