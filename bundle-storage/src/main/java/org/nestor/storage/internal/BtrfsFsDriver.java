package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.btrfs}. */
@Component(service = ResourceDriver.class)
public class BtrfsFsDriver extends FsDriver {

    public BtrfsFsDriver() {
        super(FsType.BTRFS);
    }
}
