package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.ValueType;
import org.nestor.core.spi.DriverSupport;

/** {@code fs.<type>}: a mount; one driver service per filesystem type, sharing everything else. */
public abstract class FsDriver extends DriverSupport {

    FsDriver(FsType fsType) {
        super("fs", fsType.type(), List.of(
                StorageKeywords.of("fs", fsType.type(), "dev", ValueType.STRING, fsType == FsType.BIND
                        ? "The directory to bind" : fsType == FsType.TMPFS ? "Ignored (tmpfs)"
                        : "The block device, or an image file attached by a disk.loop resource"),
                StorageKeywords.of("fs", fsType.type(), "mnt", ValueType.STRING, "The mount point (absolute; made "
                        + "when missing)"),
                StorageKeywords.of("fs", fsType.type(), "mnt_opt", ValueType.STRING, "Mount options (mount -o)"),
                StorageKeywords.of("fs", fsType.type(), "kill_holders", ValueType.BOOL, "On stop, kill the processes "
                        + "that keep the mount busy (fuser -k) instead of failing").withDefault("false")),
                context -> new Filesystem(context, fsType));
    }
}
