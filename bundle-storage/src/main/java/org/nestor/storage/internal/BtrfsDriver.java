package org.nestor.storage.internal;

import org.nestor.core.config.ValueType;
import org.nestor.core.pool.Pool;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code sync.btrfs}: a subvolume's read-only snapshots sent incrementally to the target nodes. */
@Component(service = ResourceDriver.class)
public class BtrfsDriver extends DriverSupport {

    static final String TYPE = "btrfs";

    /** The node's pool names the target nodes and the keys that reach them. */
    @Activate
    public BtrfsDriver(@Reference Pool pool) {
        super("sync", TYPE, SyncTargets.keywords(TYPE,
                StorageKeywords.of("sync", TYPE, "src", ValueType.STRING, "The btrfs subvolume to send"),
                StorageKeywords.of("sync", TYPE, "dst", ValueType.STRING, "The directory of a btrfs filesystem on "
                        + "the target nodes that receives the snapshots"),
                StorageKeywords.of("sync", TYPE, "keep", ValueType.INT, "Snapshots kept on each side (at least 2: "
                        + "the newest is the next send's parent)").withDefault("2")), context -> new BtrfsSync(context, pool));
    }
}
