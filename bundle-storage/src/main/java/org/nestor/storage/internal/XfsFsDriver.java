package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.xfs}. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=fs.xfs")
public class XfsFsDriver extends FsDriver {

    public XfsFsDriver() {
        super(FsType.XFS);
    }
}
