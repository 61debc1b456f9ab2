package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.tmpfs}. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=fs.tmpfs")
public class TmpfsFsDriver extends FsDriver {

    public TmpfsFsDriver() {
        super(FsType.TMPFS);
    }
}
