package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code container.kvm}: see {@link DomainType#KVM}. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=container.kvm")
public class KvmDriver extends DomainDriver {

    public KvmDriver() {
        super(DomainType.KVM);
    }
}
