package org.nestor.network.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * A service address inside a container's network namespace, on an interface this resource
 * makes: a veth pair whose host end joins a bridge, or an ipvlan (l2) or macvlan interface stacked
 * on a host interface. The interface carries an alias naming the service and rid, so that stop
 * removes only what this resource made; it goes with the namespace when the container stops.
 */
final class NetnsIp implements Resource {

    private final ResourceContext context;
    private final Namespace host;
    private final String ipname;
    private final String hostDevice;
    private final String container;
    private final String mode;
    private final String device;
    private final InetAddress address;
    private final String netmask;
    private final String alias;
    private final String hostEnd;
    private final String movingEnd;

    NetnsIp(ResourceContext context) throws ResourceException {
        this.context = context;
        this.host = Namespace.host(context.commands());
        this.ipname = IpKeywords.required(context, "ipname");
        this.hostDevice = IpKeywords.required(context, "ipdev");
        this.container = IpKeywords.required(context, "netns");
        this.mode = context.string("mode") == null ? NetnsIpDriver.MODES.get(0) : context.string("mode").strip();
        for (String keyword : List.of("netns", "mode")) {
            String problem = NetnsIpDriver.check(keyword, "netns".equals(keyword) ? container : mode);
            if (problem != null) {
                throw new ResourceException(keyword + ": " + problem);
            }
        }
        this.device = context.string("nsdev") == null ? "eth1" : context.string("nsdev").strip();
        this.address = Addresses.resolve(ipname);
        this.netmask = context.string("netmask");
        this.alias = "nestor:" + context.service() + ":" + context.rid();
        // interface names are 15 characters at most: a short digest of the alias tells them apart
        CRC32 digest = new CRC32();
        digest.update(alias.getBytes(StandardCharsets.UTF_8));
        String suffix = HexFormat.of().toHexDigits((int) digest.getValue());
        this.hostEnd = "nv" + suffix;
        this.movingEnd = "np" + suffix;
    }

    @Override
    public List<String> dependencies() {
        return List.of(container);
    }

    @Override
    public String label() {
        return ipname + " in " + container + " (" + mode + " on " + hostDevice + ", " + device + ")";
    }

    /** The container's namespace, or null when it does not run. */
    private Namespace namespace() throws ResourceException {
        Resource resource = context.sibling(container);
        if (!(resource instanceof ContainerResource containerResource)) {
            throw new ResourceException("netns: " + container + " is not a container");
        }
        OptionalLong pid = containerResource.pid();
        return pid.isPresent() ? Namespace.ofContainer(context.commands(), pid.getAsLong()) : null;
    }

    private Plumbing plumbing(Namespace namespace) throws ResourceException {
        int prefix = netmask == null || netmask.isBlank()
                ? Plumbing.devicePrefix(host, hostDevice, address)
                : Addresses.prefix(netmask, Addresses.isV6(address));
        return new Plumbing(namespace, device, address, prefix, context.string("gateway"), context.log());
    }

    @Override
    public void start() throws ResourceException {
        Namespace namespace = namespace();
        if (namespace == null) {
            throw new ResourceException("netns: " + container + " is not running");
        }
        Plumbing plumbing = plumbing(namespace);
        if (!plumbing.deviceExists()) {
            makeInterface(namespace);
        } else if (plumbing.present()) {
            context.log().info(plumbing.cidr() + " already on " + device + namespace.where());
            return;
        }
        plumbing.requireFree();
        plumbing.plumb();
        plumbing.announce();
        plumbing.route();
    }

    /** The interface, made on the host, moved into the namespace, renamed, marked and up. */
    private void makeInterface(Namespace namespace) throws ResourceException {
        if (!host.run(List.of("ip", "link", "show", "dev", hostDevice)).succeeded()) {
            throw new ResourceException("ipdev: no interface " + hostDevice + " on this node");
        }
        String pid = namespace.pid().toString();
        try {
            switch (mode) {
                case "bridge" -> {
                    host("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", movingEnd);
                    host("ip", "link", "set", hostEnd, "master", hostDevice);
                    host("ip", "link", "set", hostEnd, "up");
                }
                case "ipvlan-l2" -> host("ip", "link", "add", movingEnd, "link", hostDevice, "type", "ipvlan", "mode",
                        "l2");
                default -> host("ip", "link", "add", movingEnd, "link", hostDevice, "type", "macvlan", "mode",
                        "bridge");
            }
            host("ip", "link", "set", movingEnd, "netns", pid);
        } catch (ResourceException e) {
            host.run(List.of("ip", "link", "del", "bridge".equals(mode) ? hostEnd : movingEnd));
            if (e.getMessage().contains("Unknown device type")) {
                throw new ResourceException("mode " + mode + ": this node's kernel cannot make such interfaces ("
                        + e.getMessage() + ")", e);
            }
            throw e;
        }
        namespace.check(List.of("ip", "link", "set", movingEnd, "name", device));
        namespace.check(List.of("ip", "link", "set", device, "alias", alias));
        namespace.check(List.of("ip", "link", "set", device, "up"));
    }

    private void host(String... argv) throws ResourceException {
        context.log().info(String.join(" ", argv));
        host.check(List.of(argv));
    }

    @Override
    public void stop() throws ResourceException {
        Namespace namespace = namespace();
        if (namespace == null) {
            context.log().info(container + " is not running: its namespace went with it");
            return;
        }
        Plumbing plumbing = plumbing(namespace);
        if (plumbing.present()) {
            plumbing.unplumb();
        }
        if (ours(namespace)) {
            context.log().info("ip link del " + device + namespace.where());
            namespace.check(List.of("ip", "link", "del", device));
        }
    }

    /** Whether the namespace's interface is the one this resource made (its alias). */
    private boolean ours(Namespace namespace) {
        return namespace.run(List.of("ip", "-o", "link", "show", "dev", device)).stdout().contains("alias " + alias);
    }

    @Override
    public ResourceStatus status() {
        try {
            Namespace namespace = namespace();
            if (namespace == null) {
                return new ResourceStatus(Status.DOWN, List.of(container + " is not running"));
            }
            return new ResourceStatus(plumbing(namespace).present() ? Status.UP : Status.DOWN, List.of());
        } catch (ResourceException e) {
            return new ResourceStatus(Status.UNDEF, List.of("warn: " + e.getMessage()));
        }
    }
}
