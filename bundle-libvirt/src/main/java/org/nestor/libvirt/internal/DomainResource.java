package org.nestor.libvirt.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.nestor.core.spi.ContainerSupport;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.Ownership;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * One libvirt domain: defined from its XML when libvirt does not know it, created, then the
 * readiness contract of {@link ContainerSupport} through its transport (SSH to its hostname, or the
 * QEMU guest agent); shut down gracefully within stop_timeout, destroyed after it or at once when
 * paused or crashed.
 */
final class DomainResource extends ContainerSupport {

    private static final String OWNERSHIP_KIND = "libvirt";

    private final ResourceContext context;
    private final DomainType type;
    private final LibvirtConnections connections;
    private final String uri;
    private final String name;
    private final String xml;
    private final GuestTransport transport;
    private volatile Handle handle;

    DomainResource(ResourceContext context, DomainType type, LibvirtConnections connections, SshSessions ssh)
            throws ResourceException {
        super(context);
        this.context = context;
        this.type = type;
        this.connections = connections;
        String configuredUri = context.string("uri");
        this.uri = configuredUri != null && !configuredUri.isBlank() ? configuredUri : type.defaultUri();
        if (uri == null) {
            throw new ResourceException("type " + type.type() + " needs a uri keyword (the libvirt URI of the domain)");
        }
        String configuredName = context.string("name");
        this.name = configuredName == null || configuredName.isBlank() ? context.service() : configuredName;
        this.xml = context.string("xml");
        this.transport = "qga".equals(context.string("transport")) ? new QgaTransport(connections, uri, name)
                : hostname() == null ? null : ssh(context, ssh);
    }

    /** SSH to the hostname, keys from ssh_key or the usual places. */
    private SshTransport ssh(ResourceContext context, SshSessions sessions) {
        Object port = context.value("ssh_port");
        String user = context.string("ssh_user");
        String key = context.string("ssh_key");
        Path identity = key != null && !key.isBlank() ? Path.of(key) : defaultKey(context.configDirectory());
        return new SshTransport(sessions, hostname(), port instanceof Long number ? number.intValue() : 22,
                user == null || user.isBlank() ? "root" : user, identity, context.configDirectory().resolve("known_hosts"));
    }

    private static Path defaultKey(Path configDirectory) {
        Path home = Path.of(System.getProperty("user.home"), ".ssh");
        for (Path candidate : List.of(configDirectory.resolve("id_ed25519"), home.resolve("id_ed25519"),
                home.resolve("id_rsa"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return configDirectory.resolve("id_ed25519");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String label() {
        return type.type() + " " + name + " on " + uri;
    }

    @Override
    public Optional<GuestTransport> transport() {
        return Optional.ofNullable(transport);
    }

    @Override
    protected boolean up() throws ResourceException {
        return type.isUp(state());
    }

    @Override
    protected boolean down() throws ResourceException {
        DomainState state = state();
        return state == null || state == DomainState.VIR_DOMAIN_SHUTOFF;
    }

    @Override
    protected String downReason() {
        DomainState state = stateOrNull();
        return state == DomainState.VIR_DOMAIN_SHUTOFF || state == DomainState.VIR_DOMAIN_CRASHED
                ? "it is " + label(state) : null;
    }

    /** Defines the domain when libvirt does not know it; resumes a paused one, destroys a crashed one first. */
    @Override
    protected void boot() throws ResourceException {
        DomainState state = state();
        if (state == null) {
            define();
            state = state();
        }
        if (state == DomainState.VIR_DOMAIN_PAUSED) {
            context.log().info(name + " is paused: resuming it");
            call(Domain::resume);
            return;
        }
        if (state == DomainState.VIR_DOMAIN_CRASHED) {
            context.log().warn(name + " crashed: destroying it before the start");
            call(Domain::destroy);
        }
        context.log().info("starting " + name + " on " + uri);
        call(Domain::create);
    }

    private void define() throws ResourceException {
        Path file = xml != null && !xml.isBlank() ? Path.of(xml) : context.configDirectory().resolve(name + ".xml");
        if (!Files.isRegularFile(file)) {
            throw new ResourceException("domain " + name + " is not defined on " + uri + " and there is no " + file
                    + " to define it from (xml keyword)");
        }
        String definition;
        try {
            definition = Files.readString(file);
        } catch (IOException e) {
            throw new ResourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
        connections.call(uri, connect -> connect.domainDefineXML(definition));
        context.log().info("defined " + name + " on " + uri + " from " + file);
    }

    /** A paused or crashed domain cannot shut down: it is destroyed at once. */
    @Override
    protected void requestStop(Duration timeout) throws ResourceException {
        DomainState state = state();
        if (state == DomainState.VIR_DOMAIN_PAUSED || state == DomainState.VIR_DOMAIN_CRASHED) {
            context.log().info(name + " is " + label(state) + ": destroying it");
            call(Domain::destroy);
            return;
        }
        context.log().info("shutting " + name + " down within " + timeout.toSeconds() + "s");
        call(Domain::shutdown);
    }

    @Override
    protected void forceStop() throws ResourceException {
        context.log().info("destroying " + name);
        call(Domain::destroy);
    }

    @Override
    public ResourceStatus status() {
        DomainState state;
        try {
            state = state();
        } catch (ResourceException e) {
            return new ResourceStatus(Status.UNDEF, List.of("warn: " + e.getMessage()));
        }
        if (state == null) {
            return ResourceStatus.of(Status.DOWN, name + " is not defined on " + uri);
        }
        if (type.isUp(state)) {
            return ResourceStatus.of(Status.UP);
        }
        return state == DomainState.VIR_DOMAIN_SHUTOFF ? ResourceStatus.of(Status.DOWN)
                : ResourceStatus.warn(name + " is " + label(state));
    }

    @Override
    public Boolean provisioned() {
        try {
            return state() != null;
        } catch (ResourceException e) {
            return null;
        }
    }

    /** Provisioning defines the domain from its XML; it never creates disks. */
    @Override
    public void provision() throws ResourceException {
        if (state() != null) {
            context.log().info(name + " is defined already");
            return;
        }
        define();
        Ownership.claim(context, OWNERSHIP_KIND, name, uri);
    }

    /** Undefines a domain this service defined by provisioning, once it is shut off; its disks stay. */
    @Override
    public void unprovision() throws ResourceException {
        DomainState state = state();
        if (state == null) {
            context.log().info(name + " is not defined");
            return;
        }
        Ownership.require(context, OWNERSHIP_KIND, name, "undefining");
        if (state != DomainState.VIR_DOMAIN_SHUTOFF) {
            throw new ResourceException("not undefining " + name + ": it is " + label(state));
        }
        call(Domain::undefine);
        handle = null;
        Ownership.release(context, OWNERSHIP_KIND, name);
        context.log().info("undefined " + name + " on " + uri);
    }

    @Override
    public String guestHostname() {
        return hostname() == null ? name : hostname();
    }

    /** The domain's state, null when libvirt does not know it. */
    DomainState state() throws ResourceException {
        return connections.call(uri, connect -> {
            try {
                return domain(connect).getInfo().state;
            } catch (LibvirtException e) {
                if (e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    throw e;
                }
                // undefined, or defined again under a new UUID since it was looked up
                handle = null;
                try {
                    return domain(connect).getInfo().state;
                } catch (LibvirtException again) {
                    if (again.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                        return null;
                    }
                    throw again;
                }
            }
        });
    }

    /** The domain's handle on this connection, looked up once. */
    private Domain domain(Connect connect) throws LibvirtException {
        Handle cached = handle;
        if (cached != null && cached.connect() == connect) {
            return cached.domain();
        }
        Domain domain = connect.domainLookupByName(name);
        handle = new Handle(connect, domain);
        return domain;
    }

    private record Handle(Connect connect, Domain domain) {
    }

    private DomainState stateOrNull() {
        try {
            return state();
        } catch (ResourceException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface DomainCall {
        void on(Domain domain) throws LibvirtException;
    }

    private void call(DomainCall call) throws ResourceException {
        connections.call(uri, connect -> {
            call.on(domain(connect));
            return null;
        });
    }

    /** running, paused, shut off... as virsh says it. */
    static String label(DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_NOSTATE -> "in no state";
            case VIR_DOMAIN_RUNNING -> "running";
            case VIR_DOMAIN_BLOCKED -> "idle";
            case VIR_DOMAIN_PAUSED -> "paused";
            case VIR_DOMAIN_SHUTDOWN -> "in shutdown";
            case VIR_DOMAIN_SHUTOFF -> "shut off";
            case VIR_DOMAIN_CRASHED -> "crashed";
            case VIR_DOMAIN_PMSUSPENDED -> "suspended";
        };
    }
}
