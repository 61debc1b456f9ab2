package org.nestor.storage.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code fs.bind}. */
@Component(service = ResourceDriver.class)
public class BindFsDriver extends FsDriver {

    public BindFsDriver() {
        super(FsType.BIND);
    }
}
