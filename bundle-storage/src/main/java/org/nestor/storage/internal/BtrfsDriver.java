package org.nestor.storage.internal;

import org.nestor.core.config.ValueType;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code sync.btrfs}: a subvolume's read-only snapshots sent incrementally to the target nodes. */
@Component(service = ResourceDriver.class)
public class BtrfsDriver extends DriverSupport {

    static final String TYPE = "btrfs";

    public BtrfsDriver() {
        super("sync", TYPE, SyncTargets.keywords(TYPE,
                StorageKeywords.of("sync", TYPE, "src", ValueType.STRING, "The btrfs subvolume to send"),
                StorageKeywords.of("sync", TYPE, "dst", ValueType.STRING, "The directory of a btrfs filesystem on "
                        + "the target nodes that receives the snapshots"),
                StorageKeywords.of("sync", TYPE, "keep", ValueType.INT, "Snapshots kept on each side (at least 2: "
                        + "the newest is the next send's parent)").withDefault("2")), BtrfsSync::new);
    }
}
