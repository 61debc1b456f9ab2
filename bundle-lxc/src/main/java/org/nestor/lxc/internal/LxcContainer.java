package org.nestor.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ContainerSupport;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.Ownership;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * One LXC container: lxc-start -d with a log file in the service's data directory, then the
 * readiness contract of {@link ContainerSupport} through lxc-attach; lxc-stop --nokill within
 * stop_timeout, then lxc-stop --kill. Provisioning is lxc-create from a template; unprovisioning
 * destroys only a container this service created whose rootfs lies in the container's own directory.
 */
final class LxcContainer extends ContainerSupport {

    private static final String RUNNING = "RUNNING";
    private static final String STOPPED = "STOPPED";
    private static final String OWNERSHIP_KIND = "lxc";

    private final ResourceContext context;
    private final LxcTools lxc;
    private final String configFile;
    private final String template;
    private final List<String> templateOptions;
    private final LxcAttach transport;

    LxcContainer(ResourceContext context, Path toolsDirectory) throws ResourceException {
        super(context);
        this.context = context;
        String name = context.string("name");
        String dataDir = context.string("container_data_dir");
        this.lxc = new LxcTools(context.commands(), toolsDirectory,
                name == null || name.isBlank() ? context.service() : name,
                dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir));
        this.configFile = context.string("cf");
        this.template = context.string("template");
        List<String> options = context.argv("template_options");
        this.templateOptions = options == null ? List.of() : options;
        this.transport = new LxcAttach(lxc, context.argv("rcmd"), startTimeout());
    }

    @Override
    public String name() {
        return lxc.name();
    }

    @Override
    public String label() {
        return "lxc " + lxc.name() + (lxc.lxcPath() == null ? "" : " in " + lxc.lxcPath());
    }

    @Override
    public Optional<GuestTransport> transport() {
        return Optional.of(transport);
    }

    @Override
    protected boolean up() throws ResourceException {
        return RUNNING.equals(lxc.state());
    }

    @Override
    protected boolean down() throws ResourceException {
        String state = lxc.state();
        return state == null || STOPPED.equals(state);
    }

    @Override
    protected String downReason() {
        return STOPPED.equals(stateOrNull()) ? "it stopped (log: " + logFile() + ")" : null;
    }

    @Override
    protected void boot() throws ResourceException {
        if (lxc.state() == null) {
            throw new ResourceException("container " + lxc.name() + " does not exist"
                    + (lxc.lxcPath() == null ? "" : " in " + lxc.lxcPath())
                    + (template == null || template.isBlank() ? ""
                    : " (svc provision creates it from template " + template + ")"));
        }
        Path logFile = logFile();
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new ResourceException("cannot create " + logFile.getParent() + ": " + e.getMessage(), e);
        }
        List<String> args = new ArrayList<>(List.of("-d", "-o", logFile.toString(), "-l", "INFO"));
        // cf names the configuration of a container kept outside the lxc path; once lxc-create has
        // written the container's own config (cf merged in), that one is authoritative
        if (configFile != null && !configFile.isBlank() && !Files.exists(containerDirectory().resolve("config"))) {
            args.addAll(List.of("-f", configFile));
        }
        List<String> argv = lxc.argv("lxc-start", args);
        context.log().info(String.join(" ", argv));
        CommandResult result = lxc.run(argv, startTimeout(), null);
        if (!result.succeeded()) {
            throw new ResourceException("lxc-start failed: " + LxcTools.failure(result) + " (log: " + logFile + ")");
        }
    }

    /** lxc-stop --nokill waits for the container itself, up to the timeout. */
    @Override
    protected void requestStop(Duration timeout) throws ResourceException {
        List<String> graceful = lxc.argv("lxc-stop", List.of("--nokill", "-t", Long.toString(timeout.toSeconds())));
        context.log().info(String.join(" ", graceful));
        CommandResult result = lxc.run(graceful, timeout.plusSeconds(10), null);
        if (!result.succeeded()) {
            context.log().info("lxc-stop --nokill: " + LxcTools.failure(result));
        }
    }

    @Override
    protected void forceStop() throws ResourceException {
        List<String> kill = lxc.argv("lxc-stop", List.of("--kill"));
        context.log().info("killing " + lxc.name() + ": " + String.join(" ", kill));
        CommandResult result = lxc.run(kill, FORCE_WAIT, null);
        if (!result.succeeded() && !STOPPED.equals(stateOrNull())) {
            throw new ResourceException("lxc-stop --kill failed: " + LxcTools.failure(result));
        }
    }

    @Override
    public ResourceStatus status() {
        String state;
        try {
            state = lxc.state();
        } catch (ResourceException e) {
            return new ResourceStatus(Status.UNDEF, List.of("warn: " + e.getMessage()));
        }
        if (state == null) {
            return ResourceStatus.of(Status.DOWN, "container " + lxc.name() + " does not exist");
        }
        return switch (state) {
            case RUNNING -> ResourceStatus.of(Status.UP);
            case STOPPED -> ResourceStatus.of(Status.DOWN);
            default -> ResourceStatus.warn(lxc.name() + " is " + state.toLowerCase());
        };
    }

    @Override
    public Boolean provisioned() {
        try {
            return lxc.state() != null;
        } catch (ResourceException e) {
            return null;
        }
    }

    @Override
    public void provision() throws ResourceException {
        if (lxc.state() != null) {
            context.log().info(lxc.name() + " exists already");
            return;
        }
        if (template == null || template.isBlank()) {
            throw new ResourceException("cannot provision " + lxc.name() + ": no template keyword");
        }
        List<String> args = new ArrayList<>(List.of("-t", template));
        if (configFile != null && !configFile.isBlank()) {
            args.addAll(List.of("-f", configFile));
        }
        if (!templateOptions.isEmpty()) {
            args.add("--");
            args.addAll(templateOptions);
        }
        List<String> argv = lxc.argv("lxc-create", args);
        context.log().info(String.join(" ", argv));
        CommandResult result = lxc.run(argv, startTimeout(), null);
        if (!result.succeeded()) {
            throw new ResourceException("lxc-create failed: " + LxcTools.failure(result));
        }
        Ownership.claim(context, OWNERSHIP_KIND, lxc.name(), lxc.name()
                + (lxc.lxcPath() == null ? "" : " " + lxc.lxcPath()));
    }

    @Override
    public void unprovision() throws ResourceException {
        if (lxc.state() == null) {
            context.log().info(lxc.name() + " does not exist");
            return;
        }
        Ownership.require(context, OWNERSHIP_KIND, lxc.name(), "destroying");
        String rootfs = lxc.configItem("lxc.rootfs.path");
        Path own = containerDirectory();
        Path rootfsPath = rootfs == null ? null : Path.of(rootfs.replaceFirst("^dir:", ""));
        if (rootfsPath != null && !rootfsPath.normalize().startsWith(own.normalize())) {
            throw new ResourceException("not destroying " + lxc.name() + ": its rootfs " + rootfsPath
                    + " lies outside " + own + ", so the service does not own it");
        }
        List<String> argv = lxc.argv("lxc-destroy", List.of());
        context.log().info(String.join(" ", argv));
        CommandResult result = lxc.run(argv, stopTimeout(), null);
        if (!result.succeeded()) {
            throw new ResourceException("lxc-destroy failed: " + LxcTools.failure(result));
        }
        Ownership.release(context, OWNERSHIP_KIND, lxc.name());
    }

    @Override
    public OptionalLong pid() {
        try {
            return lxc.pid();
        } catch (ResourceException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String guestHostname() throws ResourceException {
        CommandResult result = exec(List.of("uname", "-n"), null, GuestTransport.PROBE_TIMEOUT);
        if (!result.succeeded()) {
            throw new ResourceException("cannot read the host name of " + lxc.name() + ": " + LxcTools.failure(result));
        }
        return result.stdout().strip();
    }

    private String stateOrNull() {
        try {
            return lxc.state();
        } catch (ResourceException e) {
            return null;
        }
    }

    private Path logFile() {
        return context.dataDirectory().resolve("lxc-" + lxc.name() + ".log");
    }

    /** Where lxc keeps this container: its config and, unless told otherwise, its rootfs. */
    private Path containerDirectory() {
        return (lxc.lxcPath() == null ? LxcTools.DEFAULT_LXC_PATH : lxc.lxcPath()).resolve(lxc.name());
    }
}
