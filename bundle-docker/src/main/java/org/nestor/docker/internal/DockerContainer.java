package org.nestor.docker.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.Waits;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * One container through the Docker Engine API: an existing container is started rather than
 * re-created ({@code rm} removes it before start and after stop); started, it is waited running
 * then operational through exec; stop is the API's graceful stop within stop_timeout, then kill.
 * Containers carry the labels {@value #SERVICE_LABEL} and {@value #RID_LABEL}.
 */
final class DockerContainer implements ContainerResource {

    static final String SERVICE_LABEL = "org.nestor.service";
    static final String RID_LABEL = "org.nestor.rid";
    private static final String CONTAINER_PREFIX = "container#";
    private static final Duration OPERATIONAL_PROBE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final ResourceContext context;
    private final DockerClients clients;
    private final String host;
    private final String name;
    private final String image;
    private final List<String> command;
    private final RunArgs runArgs;
    private final boolean rm;
    private final boolean pull;
    private final boolean detach;
    private final String netns;
    private final Duration startTimeout;
    private final Duration stopTimeout;

    DockerContainer(ResourceContext context, DockerClients clients) throws ResourceException {
        this.context = context;
        this.clients = clients;
        String configuredHost = context.string("docker_host");
        this.host = configuredHost == null || configuredHost.isBlank() ? DockerClients.defaultHost() : configuredHost;
        String configuredName = context.string("name");
        this.name = configuredName == null || configuredName.isBlank() ? defaultName(context) : configuredName;
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
        this.startTimeout = context.duration("start_timeout", ContainerDriver.DEFAULT_START_TIMEOUT);
        this.stopTimeout = context.duration("stop_timeout", ContainerDriver.DEFAULT_STOP_TIMEOUT);
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
    public void start() throws ResourceException {
        DockerClient client = client();
        InspectContainerResponse existing = inspect(client);
        if (existing != null && Boolean.TRUE.equals(existing.getState().getRunning())) {
            context.log().info(name + " already running");
            return;
        }
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
        call(() -> client.startContainerCmd(id).exec());
        if (!detach) {
            runToCompletion(client);
            return;
        }
        Waits.until(name + " running", startTimeout, () -> Boolean.TRUE.equals(running(client)),
                () -> exitedReason(client));
        Waits.until(name + " operational", startTimeout, this::operational, () -> exitedReason(client));
        context.log().info(name + " running and operational");
    }

    /** detach = false: the container is a step of the start that must end well. */
    private void runToCompletion(DockerClient client) throws ResourceException {
        Waits.until(name + " to end", startTimeout, () -> Boolean.FALSE.equals(running(client)), () -> null);
        Long exit = inspect(client).getState().getExitCodeLong();
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
        String id = call(() -> create.exec().getId());
        context.log().info("created " + name + " from " + image);
        return id;
    }

    private void ensureImage(DockerClient client) throws ResourceException {
        try {
            call(() -> client.inspectImageCmd(image).exec());
            return;
        } catch (NotFoundException e) {
            if (!pull) {
                throw new ResourceException("image " + image + " is not on " + host + " (pull = true lets Nestor pull "
                        + "it)");
            }
        }
        context.log().info("pulling " + image);
        try {
            if (!client.pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ResourceException("pull of " + image + " did not finish within " + startTimeout.toSeconds()
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
        List<Container> holders = call(() -> client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SERVICE_LABEL, context.service(), RID_LABEL, netns)).exec());
        Container holder = holders.stream().filter(c -> "running".equals(c.getState())).findFirst()
                .orElseThrow(() -> new ResourceException("netns = " + netns + ": that container of service "
                        + context.service() + " is not running"));
        return "container:" + holder.getId();
    }

    @Override
    public void stop() throws ResourceException {
        DockerClient client = client();
        InspectContainerResponse existing = inspect(client);
        if (existing == null) {
            context.log().info(name + " does not exist");
            return;
        }
        if (Boolean.TRUE.equals(existing.getState().getRunning())) {
            context.log().info("stopping " + name + " within " + stopTimeout.toSeconds() + "s");
            try {
                call(() -> client.stopContainerCmd(existing.getId()).withTimeout((int) stopTimeout.toSeconds()).exec());
            } catch (NotModifiedException e) {
                context.log().info(name + " was stopping already");
            }
            if (!Boolean.FALSE.equals(running(client))) {
                context.log().warn(name + " still runs after its stop timeout: killing it");
                call(() -> client.killContainerCmd(existing.getId()).exec());
                Waits.until(name + " stopped after kill", KILL_WAIT, () -> Boolean.FALSE.equals(running(client)),
                        () -> null);
            }
        } else {
            context.log().info(name + " already stopped");
        }
        if (rm) {
            remove(client, existing.getId());
        }
    }

    private void remove(DockerClient client, String id) throws ResourceException {
        call(() -> client.removeContainerCmd(id).withForce(true).exec());
        context.log().info("removed " + name);
    }

    @Override
    public ResourceStatus status() {
        InspectContainerResponse container;
        try {
            container = inspect(client());
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
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        DockerClient client;
        String execId;
        try {
            client = client();
            execId = call(() -> client.execCreateCmd(name).withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).withAttachStdin(stdin != null).exec().getId());
        } catch (ResourceException e) {
            // the guest cannot be joined: the exit code encapsulation reads as "transport down"
            return new CommandResult(255, "", e.getMessage(), false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ResultCallback.Adapter<Frame> frames = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
            }
        };
        boolean finished;
        try (InputStream input = stdin == null ? null : new ByteArrayInputStream(stdin)) {
            var start = client.execStartCmd(execId);
            if (input != null) {
                start.withStdIn(input);
            }
            finished = start.exec(frames).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } catch (IOException | DockerException e) {
            clients.drop(host);
            return new CommandResult(255, "", "exec in " + name + ": " + e.getMessage(), false);
        } finally {
            closeQuietly(frames);
        }
        InspectExecResponse ended;
        try {
            ended = call(() -> client.inspectExecCmd(execId).exec());
        } catch (ResourceException e) {
            return new CommandResult(255, out.toString(StandardCharsets.UTF_8), e.getMessage(), false);
        }
        if (!finished || Boolean.TRUE.equals(ended.isRunning())) {
            killExec(ended);
            return new CommandResult(-1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    true);
        }
        Long exit = ended.getExitCodeLong();
        return new CommandResult(exit == null ? -1 : exit.intValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), false);
    }

    /**
     * The API cannot kill an exec: on a local engine its process (and what it started) is killed
     * by host pid; a remote one is left to finish and said so in the log.
     */
    private void killExec(InspectExecResponse exec) {
        Long pid = exec.getPidLong();
        if (pid == null || pid <= 0 || !host.startsWith("unix://")) {
            context.log().warn("exec in " + name + " timed out and cannot be killed through " + host);
            return;
        }
        ProcessHandle.of(pid).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        int slash = guestPath.lastIndexOf('/');
        if (slash < 0 || slash == guestPath.length() - 1) {
            throw new ResourceException("copy to " + name + ": '" + guestPath + "' is not an absolute file path");
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream archive = new TarArchiveOutputStream(tar)) {
            archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(guestPath.substring(slash + 1));
            entry.setSize(Files.size(local));
            entry.setMode(0644);
            archive.putArchiveEntry(entry);
            Files.copy(local, archive);
            archive.closeArchiveEntry();
        } catch (IOException e) {
            throw new ResourceException("cannot read " + local + ": " + e.getMessage(), e);
        }
        DockerClient client = client();
        String directory = slash == 0 ? "/" : guestPath.substring(0, slash);
        try {
            call(() -> client.copyArchiveToContainerCmd(name).withRemotePath(directory)
                    .withTarInputStream(new ByteArrayInputStream(tar.toByteArray())).exec());
        } catch (ResourceException e) {
            throw new ResourceException("copy of " + local + " to " + name + ":" + guestPath + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        DockerClient client = client();
        try (InputStream stream = call(() -> client.copyArchiveFromContainerCmd(name, guestPath).exec());
             TarArchiveInputStream archive = new TarArchiveInputStream(stream)) {
            TarArchiveEntry entry = archive.getNextEntry();
            if (entry == null || !entry.isFile()) {
                throw new ResourceException(name + ":" + guestPath + " is not a file");
            }
            LocalFiles.replace(local, temporary -> Files.copy(archive, temporary, StandardCopyOption.REPLACE_EXISTING));
        } catch (ResourceException | NotFoundException e) {
            throw new ResourceException("copy of " + name + ":" + guestPath + " to " + local + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ResourceException("copy of " + name + ":" + guestPath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong pid() {
        try {
            InspectContainerResponse container = inspect(client());
            Long pid = container == null ? null : container.getState().getPidLong();
            return pid != null && pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (ResourceException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean operational() {
        return exec(List.of("true"), null, OPERATIONAL_PROBE).succeeded();
    }

    @Override
    public String guestHostname() throws ResourceException {
        InspectContainerResponse container = inspect(client());
        if (container == null) {
            throw new ResourceException("no container " + name);
        }
        return container.getConfig().getHostName();
    }

    @Override
    public String name() {
        return name;
    }

    private DockerClient client() throws ResourceException {
        try {
            return clients.client(host);
        } catch (RuntimeException e) {
            throw new ResourceException("docker host " + host + ": " + e.getMessage(), e);
        }
    }

    private InspectContainerResponse inspect(DockerClient client) throws ResourceException {
        try {
            return call(() -> client.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** For the waits: true or false, null when the API did not answer (asked again at the next poll). */
    private Boolean running(DockerClient client) {
        try {
            InspectContainerResponse container = inspect(client);
            return container != null && Boolean.TRUE.equals(container.getState().getRunning());
        } catch (ResourceException e) {
            return null;
        }
    }

    private String exitedReason(DockerClient client) {
        InspectContainerResponse container;
        try {
            container = inspect(client);
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

    /** An API call: NotFound and NotModified pass as they are, a transport failure drops the client. */
    private <T> T call(ApiCall<T> call) throws ResourceException {
        try {
            return call.run();
        } catch (NotFoundException | NotModifiedException e) {
            throw e;
        } catch (DockerException e) {
            throw new ResourceException(name + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            clients.drop(host);
            throw new ResourceException("docker host " + host + " does not answer: " + firstLine(String.valueOf(
                    e.getMessage())), e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the exec ended; its stream closing badly changes nothing
        }
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        T run();
    }
}
