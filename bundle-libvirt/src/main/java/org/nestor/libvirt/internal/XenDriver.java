package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code container.xen}: see {@link DomainType#XEN}. */
@Component(service = ResourceDriver.class)
public class XenDriver extends DomainDriver {

    /** For bin/nestor (ServiceLoader) and tests: with connections of its own. */
    public XenDriver() {
        this(new LibvirtConnections());
    }

    @Activate
    public XenDriver(@Reference LibvirtConnections connections) {
        super(DomainType.XEN, connections);
    }
}
