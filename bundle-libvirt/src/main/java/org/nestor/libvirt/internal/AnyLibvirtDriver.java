package org.nestor.libvirt.internal;

import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.ssh.SshSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code container.libvirt}: see {@link DomainType#LIBVIRT}. */
@Component(service = ResourceDriver.class)
public class AnyLibvirtDriver extends DomainDriver {

    /** For bin/nestor (its node's SSH sessions) and tests: with libvirt connections of its own. */
    public AnyLibvirtDriver(SshSessions ssh) {
        this(new LibvirtConnections(), ssh);
    }

    @Activate
    public AnyLibvirtDriver(@Reference LibvirtConnections connections, @Reference SshSessions ssh) {
        super(DomainType.LIBVIRT, connections, ssh);
    }
}
