package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code container.kvm}: see {@link DomainType#KVM}. */
@Component(service = ResourceDriver.class)
public class KvmDriver extends DomainDriver {

    /** For bin/nestor (ServiceLoader) and tests: with connections of its own. */
    public KvmDriver() {
        this(new LibvirtConnections());
    }

    @Activate
    public KvmDriver(@Reference LibvirtConnections connections) {
        super(DomainType.KVM, connections);
    }
}
