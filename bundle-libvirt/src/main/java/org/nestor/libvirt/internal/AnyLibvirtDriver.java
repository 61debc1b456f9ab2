package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code container.libvirt}: see {@link DomainType#LIBVIRT}. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=container.libvirt")
public class AnyLibvirtDriver extends DomainDriver {

    public AnyLibvirtDriver() {
        super(DomainType.LIBVIRT);
    }
}
