package org.nestor.docker.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;

import org.nestor.core.spi.ContainerSupport;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.Waits;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * One container through the Docker Engine API: an existing container is started rather than
 * re-created ({@code rm} removes it before start and after stop); started, it goes through the
 * readiness contract of {@link ContainerSupport} with exec as its transport; stop is the API's
 * graceful stop within stop_timeout, then kill. Containers carry the labels {@value #SERVICE_LABEL}
 * and {@value #RID_LABEL}.
 */
final class DockerContainer extends ContainerSupport {

    static final String SERVICE_LABEL = "org.nestor.service";
    static final String RID_LABEL = "org.nestor.rid";
    private static final String CONTAINER_PREFIX = "container#";

    private final ResourceContext context;
    private final DockerEndpoint endpoint;
    private final String name;
    private final String image;
    private final List<String> command;
    private final RunArgs runArgs;
    private final boolean rm;
    private final boolean pull;
    private final boolean detach;
    private final String netns;
    private final DockerExec transport;

    DockerContainer(ResourceContext context, DockerClients clients) throws ResourceException {
        super(context);
        this.context = context;
        String configuredHost = context.string("docker_host");
        String host = configuredHost == null || configuredHost.isBlank() ? DockerClients.defaultHost() : configuredHost;
        String configuredName = context.string("name");
        this.name = configuredName == null || configuredName.isBlank() ? defaultName(context) : configuredName;
        this.endpoint = new DockerEndpoint(clients, host, name);
        this.image = context.string("image");
        this.command = context.argv("command");
        try {
            this.runArgs = RunArgs.parse(context.string("run_args"));
        } catch (IllegalArgumentException e) {
            throw new ResourceException("run_args: " + e.getMessage(), e);
        }
        this.rm = Boolean.TRUE.equals(context.value("rm"));
        this.pull = Boolean.TRUE.equals(context.value("pull"));
        this.detach = !Boolean.FALSE.equals(context.value("detach"));
        this.netns = context.string("netns");
        this.transport = new DockerExec(endpoint, context.log());
    }

    /** {@code <svc>.container.<index>}, as semantics.md names docker containers. */
    static String defaultName(ResourceContext context) {
        return context.service() + ".container." + context.rid().substring(context.rid().indexOf('#') + 1);
    }

    @Override
    public String label() {
        return "docker " + name + (image == null ? "" : " (" + image + ")");
    }

    @Override
    public List<String> dependencies() {
        return netns != null && netns.startsWith(CONTAINER_PREFIX) ? List.of(netns) : List.of();
    }

    @Override
    public Optional<GuestTransport> transport() {
        return Optional.of(transport);
    }

    @Override
    protected boolean up() throws ResourceException {
        InspectContainerResponse container = endpoint.inspect();
        return container != null && Boolean.TRUE.equals(container.getState().getRunning());
    }

    @Override
    protected boolean down() throws ResourceException {
        return !up();
    }

    @Override
    protected void boot() throws ResourceException {
        DockerClient client = endpoint.client();
        InspectContainerResponse existing = endpoint.inspect();
        String id;
        if (existing != null && !rm) {
            id = existing.getId();
            context.log().info("starting existing container " + name);
        } else {
            if (existing != null) {
                remove(client, existing.getId());
            }
            id = create(client);
        }
        endpoint.call(() -> client.startContainerCmd(id).exec());
    }

    /** detach = false: the container is a step of the start that must end well, not a guest to wait for. */
    @Override
    protected void awaitStarted() throws ResourceException {
        if (detach) {
            super.awaitStarted();
            return;
        }
        Waits.until(name + " to end", startTimeout(), () -> Boolean.FALSE.equals(running()), () -> null);
        Long exit = endpoint.inspect().getState().getExitCodeLong();
        if (exit == null || exit != 0) {
            throw new ResourceException(name + " exited " + exit);
        }
        context.log().info(name + " ran to its end (exit 0)");
    }

    private String create(DockerClient client) throws ResourceException {
        if (image == null || image.isBlank()) {
            throw new ResourceException("container " + name + " does not exist and no image keyword says how to "
                    + "create it");
        }
        ensureImage(client);
        CreateContainerCmd create = client.createContainerCmd(image).withName(name);
        runArgs.applyTo(create, networkMode(client), Map.of(SERVICE_LABEL, context.service(), RID_LABEL,
                context.rid()));
        if (command != null) {
            create.withCmd(command);
        }
        String id = endpoint.call(() -> create.exec().getId());
        context.log().info("created " + name + " from " + image);
        return id;
    }

    private void ensureImage(DockerClient client) throws ResourceException {
        try {
            endpoint.call(() -> client.inspectImageCmd(image).exec());
            return;
        } catch (NotFoundException e) {
            if (!pull) {
                throw new ResourceException("image " + image + " is not on " + endpoint.host()
                        + " (pull = true lets Nestor pull it)");
            }
        }
        context.log().info("pulling " + image);
        try {
            if (!client.pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ResourceException("pull of " + image + " did not finish within " + startTimeout().toSeconds()
                        + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("pull of " + image + " interrupted", e);
        } catch (DockerException e) {
            throw new ResourceException("pull of " + image + " failed: " + e.getMessage(), e);
        }
    }

    /** netns: container#N shares that resource's namespace; host, none or a network name pass as they are. */
    private String networkMode(DockerClient client) throws ResourceException {
        if (netns == null || netns.isBlank()) {
            return null;
        }
        if (!netns.startsWith(CONTAINER_PREFIX)) {
            return netns;
        }
        List<Container> holders = endpoint.call(() -> client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SERVICE_LABEL, context.service(), RID_LABEL, netns)).exec());
        Container holder = holders.stream().filter(c -> "running".equals(c.getState())).findFirst()
                .orElseThrow(() -> new ResourceException("netns = " + netns + ": that container of service "
                        + context.service() + " is not running"));
        return "container:" + holder.getId();
    }

    /** The API's stop waits for the container itself, up to the timeout. */
    @Override
    protected void requestStop(Duration timeout) throws ResourceException {
        InspectContainerResponse existing = endpoint.inspect();
        if (existing == null) {
            return;
        }
        context.log().info("stopping " + name + " within " + timeout.toSeconds() + "s");
        DockerClient client = endpoint.client();
        try {
            endpoint.call(() -> client.stopContainerCmd(existing.getId()).withTimeout((int) timeout.toSeconds()).exec());
        } catch (NotModifiedException e) {
            context.log().info(name + " was stopping already");
        }
    }

    @Override
    protected void forceStop() throws ResourceException {
        context.log().info("killing " + name);
        DockerClient client = endpoint.client();
        try {
            endpoint.call(() -> client.killContainerCmd(name).exec());
        } catch (NotFoundException e) {
            context.log().info(name + " was removed meanwhile");
        }
    }

    /** rm = true: removed after it stopped. */
    @Override
    public void stop() throws ResourceException {
        super.stop();
        InspectContainerResponse existing = rm ? endpoint.inspect() : null;
        if (existing != null) {
            remove(endpoint.client(), existing.getId());
        }
    }

    private void remove(DockerClient client, String id) throws ResourceException {
        endpoint.call(() -> client.removeContainerCmd(id).withForce(true).exec());
        context.log().info("removed " + name);
    }

    @Override
    public ResourceStatus status() {
        InspectContainerResponse container;
        try {
            container = endpoint.inspect();
        } catch (ResourceException e) {
            return new ResourceStatus(Status.UNDEF, List.of("warn: " + e.getMessage()));
        }
        if (container == null) {
            return ResourceStatus.of(Status.DOWN, "no container " + name);
        }
        String state = String.valueOf(container.getState().getStatus());
        if (!detach && !"running".equals(state)) {
            Long exit = container.getState().getExitCodeLong();
            return exit != null && exit == 0 ? ResourceStatus.of(Status.NA, "ran to its end")
                    : ResourceStatus.warn(name + " exited " + exit);
        }
        return switch (state) {
            case "running" -> ResourceStatus.of(Status.UP);
            case "created", "exited", "stopped", "configured", "removing", "dead" -> ResourceStatus.of(Status.DOWN);
            default -> ResourceStatus.warn(name + " is " + state);
        };
    }

    @Override
    public OptionalLong pid() {
        try {
            InspectContainerResponse container = endpoint.inspect();
            Long pid = container == null ? null : container.getState().getPidLong();
            return pid != null && pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (ResourceException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String guestHostname() throws ResourceException {
        InspectContainerResponse container = endpoint.inspect();
        if (container == null) {
            throw new ResourceException("no container " + name);
        }
        return container.getConfig().getHostName();
    }

    @Override
    public String name() {
        return name;
    }

    /** For the waits: true or false, null when the API did not answer (asked again at the next poll). */
    private Boolean running() {
        try {
            return up();
        } catch (ResourceException e) {
            return null;
        }
    }

    @Override
    protected String downReason() {
        InspectContainerResponse container;
        try {
            container = endpoint.inspect();
        } catch (ResourceException e) {
            return e.getMessage();
        }
        if (container == null) {
            return "it was removed";
        }
        InspectContainerResponse.ContainerState state = container.getState();
        return Boolean.TRUE.equals(state.getRunning()) ? null
                : "it exited (code " + state.getExitCodeLong() + (state.getError() == null || state.getError().isEmpty()
                ? "" : ", " + state.getError()) + ")";
    }
}
