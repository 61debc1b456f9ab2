package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.ValueType;
import org.nestor.core.pool.Pool;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code sync.rsync}: files copied to the target nodes with rsync over the pool's SSH. */
@Component(service = ResourceDriver.class)
public class RsyncDriver extends DriverSupport {

    static final String TYPE = "rsync";

    /** The node's pool names the target nodes and the keys that reach them. */
    @Activate
    public RsyncDriver(@Reference Pool pool) {
        super("sync", TYPE, SyncTargets.keywords(TYPE,
                StorageKeywords.of("sync", TYPE, "src", ValueType.LIST, "Files and directories to send"),
                StorageKeywords.of("sync", TYPE, "dst", ValueType.STRING, "Where they go on the target nodes"),
                StorageKeywords.of("sync", TYPE, "options", ValueType.STRING, "More rsync arguments (an argument "
                        + "vector), after -a --delete")), context -> new RsyncSync(context, pool));
    }
}
