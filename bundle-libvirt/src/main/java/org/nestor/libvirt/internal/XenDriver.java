package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.ssh.SshSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code container.xen}: see {@link DomainType#XEN}. */
@Component(service = ResourceDriver.class)
public class XenDriver extends DomainDriver {

    /** For bin/nestor (its node's SSH sessions) and tests: with libvirt connections of its own. */
    public XenDriver(SshSessions ssh) {
        this(new LibvirtConnections(), ssh);
    }

    @Activate
    public XenDriver(@Reference LibvirtConnections connections, @Reference SshSessions ssh) {
        super(DomainType.XEN, connections, ssh);
    }
}
