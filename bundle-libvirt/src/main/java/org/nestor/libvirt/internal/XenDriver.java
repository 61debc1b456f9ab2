package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code container.xen}: see {@link DomainType#XEN}. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=container.xen")
public class XenDriver extends DomainDriver {

    public XenDriver() {
        super(DomainType.XEN);
    }
}
