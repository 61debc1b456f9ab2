package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.xfs}. */
@Component(service = ResourceDriver.class)
public class XfsFsDriver extends FsDriver {

    public XfsFsDriver() {
        super(FsType.XFS);
    }
}
