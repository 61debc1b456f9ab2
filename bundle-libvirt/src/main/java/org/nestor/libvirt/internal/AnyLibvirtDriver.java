package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code container.libvirt}: see {@link DomainType#LIBVIRT}. */
@Component(service = ResourceDriver.class)
public class AnyLibvirtDriver extends DomainDriver {

    /** For bin/nestor (ServiceLoader) and tests: with connections of its own. */
    public AnyLibvirtDriver() {
        this(new LibvirtConnections());
    }

    @Activate
    public AnyLibvirtDriver(@Reference LibvirtConnections connections) {
        super(DomainType.LIBVIRT, connections);
    }
}
