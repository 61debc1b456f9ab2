package org.nestor.libvirt.internal;

import java.util.ArrayList;
import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.ssh.SshSessions;

/**
 * The libvirt container types share keywords and lifecycle; each is its own DS component, and
 * they share the {@link LibvirtConnections} component (which closes them), or outside OSGi each
 * driver has its own; the guests' SSH transports borrow the node's {@link SshSessions}.
 */
abstract class DomainDriver implements ContainerDriver {

    private final DomainType domainType;
    private final List<Keyword> keywords;
    private final LibvirtConnections connections;
    private final SshSessions ssh;

    DomainDriver(DomainType domainType, LibvirtConnections connections, SshSessions ssh) {
        this.domainType = domainType;
        this.keywords = declareKeywords(domainType);
        this.connections = connections;
        this.ssh = ssh;
    }

    @Override
    public String type() {
        return domainType.type();
    }

    @Override
    public List<Keyword> keywords() {
        return keywords;
    }

    @Override
    public ContainerResource create(ResourceContext context) throws ResourceException {
        return new DomainResource(context, domainType, connections, ssh);
    }

    private static List<Keyword> declareKeywords(DomainType domainType) {
        String type = domainType.type();
        List<Keyword> keywords = new ArrayList<>(ContainerDriver.commonKeywords(type,
                "Domain name as libvirt knows it; default: the service name"));
        Keyword uri = keyword(type, "uri", ValueType.STRING, domainType.defaultUri() == null
                ? "libvirt URI of the hypervisor (required: test:///path/node.xml, vbox:///session, esx://host...)"
                : "libvirt URI of the hypervisor");
        keywords.add(domainType.defaultUri() == null ? uri : uri.withDefault(domainType.defaultUri()));
        keywords.add(keyword(type, "xml", ValueType.STRING, "Domain definition defined when libvirt does not know the "
                + "domain; default: etc/nestor/<name>.xml when it exists"));
        keywords.add(keyword(type, "guestos", ValueType.STRING, "Operating system of the guest (unix, windows)")
                .withDefault("unix").withCandidates("unix", "windows"));
        keywords.add(keyword(type, "transport", ValueType.STRING, "How commands reach the guest: ssh to hostname "
                + "(no hostname, no transport: start does not probe the guest), or qga, the QEMU guest agent").withDefault("ssh").withCandidates("ssh", "qga"));
        keywords.add(keyword(type, "ssh_user", ValueType.STRING, "User of the SSH transport").withDefault("root"));
        keywords.add(keyword(type, "ssh_port", ValueType.INT, "Port of the SSH transport").withDefault("22"));
        keywords.add(keyword(type, "ssh_key", ValueType.STRING, "Private key of the SSH transport; default: "
                + "etc/nestor/id_ed25519, else ~/.ssh/id_ed25519 or id_rsa; host keys are checked against "
                + "etc/nestor/known_hosts"));
        return List.copyOf(keywords);
    }

    private static Keyword keyword(String type, String name, ValueType valueType, String description) {
        return Keyword.of("container", name, valueType, description).forType(type).asScopable();
    }
}
