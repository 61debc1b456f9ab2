package org.nestor.storage.internal;

import java.util.List;
import java.util.Locale;

/** The filesystem types of the fs group, with their check and make commands (none: nothing to run). */
enum FsType {
    EXT4(List.of("e2fsck", "-p"), List.of("mkfs.ext4", "-q")),
    XFS(List.of(), List.of("mkfs.xfs", "-q")),
    BTRFS(List.of(), List.of("mkfs.btrfs", "-q")),
    TMPFS(List.of(), List.of()),
    BIND(List.of(), List.of());

    /** fsck before mount, the device appended; xfs and btrfs check themselves when mounted. */
    final List<String> check;
    /** mkfs for provision, the device appended. */
    final List<String> make;

    FsType(List<String> check, List<String> make) {
        this.check = check;
        this.make = make;
    }

    String type() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it lives on a block device (not tmpfs, not a bind mount). */
    boolean onDevice() {
        return this != TMPFS && this != BIND;
    }
}
