package org.nestor.network.internal;

import java.net.InetAddress;
import java.util.List;

import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * A service address on a node interface: refused when another host answers for it, plumbed,
 * announced; removed on stop; up while the interface carries it.
 */
final class HostIp implements Resource {

    private final ResourceContext context;
    private final String ipname;
    private final String device;
    private final Plumbing plumbing;

    HostIp(ResourceContext context) throws ResourceException {
        this.context = context;
        this.ipname = IpKeywords.required(context, "ipname");
        this.device = IpKeywords.required(context, "ipdev");
        InetAddress address = Addresses.resolve(ipname);
        String netmask = context.string("netmask");
        Namespace host = Namespace.host(context.commands());
        int prefix = netmask == null || netmask.isBlank()
                ? Plumbing.devicePrefix(host, device, address) : Addresses.prefix(netmask,
                Addresses.isV6(address));
        this.plumbing = new Plumbing(host, device, address, prefix, context.string("gateway"),
                context.log());
    }

    @Override
    public String label() {
        return Plumbing.label(plumbing, ipname, device);
    }

    @Override
    public void start() throws ResourceException {
        if (plumbing.present()) {
            context.log().info(plumbing.cidr() + " already on " + device);
            return;
        }
        if (!plumbing.deviceExists()) {
            throw new ResourceException("ipdev: no interface " + device + " on this node");
        }
        plumbing.requireFree();
        plumbing.plumb();
        plumbing.announce();
        plumbing.route();
    }

    @Override
    public void stop() throws ResourceException {
        if (!plumbing.present()) {
            context.log().info(plumbing.cidr() + " already off " + device);
            return;
        }
        plumbing.unplumb();
    }

    @Override
    public ResourceStatus status() {
        if (!plumbing.deviceExists()) {
            return new ResourceStatus(Status.DOWN, List.of("warn: no interface " + device));
        }
        return new ResourceStatus(plumbing.present() ? Status.UP : Status.DOWN, List.of());
    }
}
