package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.ext4}. */
@Component(service = ResourceDriver.class)
public class Ext4FsDriver extends FsDriver {

    public Ext4FsDriver() {
        super(FsType.EXT4);
    }
}
