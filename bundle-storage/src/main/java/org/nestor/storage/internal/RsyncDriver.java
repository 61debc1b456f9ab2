package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.ValueType;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code sync.rsync}: files copied to the target nodes with rsync over the pool's SSH. */
@Component(service = ResourceDriver.class)
public class RsyncDriver extends DriverSupport {

    static final String TYPE = "rsync";

    public RsyncDriver() {
        super("sync", TYPE, SyncTargets.keywords(TYPE,
                StorageKeywords.of("sync", TYPE, "src", ValueType.LIST, "Files and directories to send"),
                StorageKeywords.of("sync", TYPE, "dst", ValueType.STRING, "Where they go on the target nodes"),
                StorageKeywords.of("sync", TYPE, "options", ValueType.STRING, "More rsync arguments (an argument "
                        + "vector), after -a --delete")), RsyncSync::new);
    }
}
