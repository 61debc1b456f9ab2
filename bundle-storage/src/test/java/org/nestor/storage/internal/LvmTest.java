package org.nestor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.status.Status;

/**
 * LVM: the commands, and the host tags of a real volume group on a loop device (metadata works
 * here). Making and activating a logical volume needs device-mapper targets, which this kernel
 * lacks: that part is skipped, saying so, where lvcreate reports them missing.
 */
class LvmTest {

    @TempDir
    Path base;

    @Test
    void takingOverAVolumeGroupDeletesTheOtherTagsAddsOursThenActivates() {
        assertEquals(List.of(List.of("vgchange", "--deltag", "n2", "data"), List.of("vgchange", "--addtag", "n1", "data"),
                List.of("vgchange", "-a", "y", "data")), Lvm.takeOver("data", List.of("n2"), "n1"));
        assertEquals(List.of(List.of("vgchange", "--deltag", "n2", "data"), List.of("vgchange", "-a", "y", "data")),
                Lvm.takeOver("data", List.of("n1", "n2"), "n1"));
        assertEquals(List.of("lvchange", "-a", "n", "data/lv1"), Lvm.activation("data/lv1", false));
        assertEquals(List.of("lvs", "--noheadings", "-o", "lv_attr", "data/lv1"), Lvm.attributesQuery("data/lv1"));
    }

    /** A volume group on a loop device for the test, removed after. */
    private interface WithGroup {
        void run(String vg) throws Exception;
    }

    private void withGroup(WithGroup test) throws Exception {
        StorageTestSupport.requireTools("losetup", "pvcreate", "vgcreate", "vgchange");
        String vg = "nestor" + UUID.randomUUID().toString().substring(0, 8);
        Path image = base.resolve("pv.img");
        String loop = StorageTestSupport.attach(image, "64M");
        try {
            Commands.local().check(List.of("pvcreate", "-q", loop), Lvm.TIMEOUT);
            Commands.local().check(List.of("vgcreate", "-q", vg, loop), Lvm.TIMEOUT);
            test.run(vg);
        } finally {
            Commands.local().run(List.of("vgremove", "-q", "-f", vg), Lvm.TIMEOUT);
            Commands.local().run(List.of("pvremove", "-q", loop), Lvm.TIMEOUT);
            StorageTestSupport.detach(image);
        }
    }

    @Test
    void aRealVolumeGroupChangesHands() throws Exception {
        withGroup(vg -> {
            List<String> lines = new ArrayList<>();
            Commands.local().check(List.of("vgchange", "--addtag", "n2", vg), Lvm.TIMEOUT);
            VolumeGroup group = new VolumeGroup(StorageTestSupport.context(base, "disk#1", Map.of("name", vg), lines));
            assertEquals(Status.DOWN, group.status().status());
            group.start();
            assertEquals(List.of("n1"), Lvm.tags(Commands.local(), vg), "n2's tag gone, ours added");
            assertEquals(Status.UP, group.status().status());
            group.stop();
            assertEquals(List.of(), Lvm.tags(Commands.local(), vg));
            assertEquals(List.of("INFO vgchange --deltag n2 " + vg, "INFO vgchange --addtag n1 " + vg,
                    "INFO vgchange -a y " + vg, "INFO vgchange -a n " + vg, "INFO vgchange --deltag n1 " + vg), lines);
        });
    }

    @Test
    void aLogicalVolumeIsActivatedWhereDeviceMapperIs() throws Exception {
        withGroup(vg -> {
            CommandResult created = Commands.local().run(List.of("lvcreate", "-q", "-L", "8M", "-n", "lv1", vg),
                    Lvm.TIMEOUT);
            assumeTrue(created.succeeded() || !(created.stdout() + created.stderr()).contains("device-mapper"),
                    "no device-mapper target in this kernel: logical volumes cannot be made or activated here");
            assertEquals(0, created.exitCode(), created.reason());
            LogicalVolume volume = new LogicalVolume(StorageTestSupport.context(base, "disk#2", Map.of("vg", vg,
                    "name", "lv1"), new ArrayList<>()));
            volume.stop();
            assertEquals(Status.DOWN, volume.status().status());
            volume.start();
            assertEquals(Status.UP, volume.status().status());
            volume.stop();
        });
    }
}
