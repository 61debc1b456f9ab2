package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.tmpfs}. */
@Component(service = ResourceDriver.class)
public class TmpfsFsDriver extends FsDriver {

    public TmpfsFsDriver() {
        super(FsType.TMPFS);
    }
}
