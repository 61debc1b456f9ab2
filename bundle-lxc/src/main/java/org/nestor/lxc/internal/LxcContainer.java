package org.nestor.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.CommandRunner;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.Ownership;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.Waits;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * One LXC container: lxc-start -d with a log file in the service's data directory, waited
 * RUNNING then operational through lxc-attach; lxc-stop --nokill within stop_timeout, then
 * lxc-stop --kill. Provisioning is lxc-create from a template; unprovisioning destroys only a
 * container this service created whose rootfs lies in the container's own directory.
 */
final class LxcContainer implements ContainerResource {

    private static final String RUNNING = "RUNNING";
    private static final String STOPPED = "STOPPED";
    private static final Duration OPERATIONAL_PROBE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);
    private static final String OWNERSHIP_KIND = "lxc";

    private final ResourceContext context;
    private final LxcTools lxc;
    private final String configFile;
    private final List<String> rcmd;
    private final String template;
    private final List<String> templateOptions;
    private final String hostname;
    private final Duration startTimeout;
    private final Duration stopTimeout;

    LxcContainer(ResourceContext context, Path toolsDirectory) throws ResourceException {
        this.context = context;
        String name = context.string("name");
        String dataDir = context.string("container_data_dir");
        this.lxc = new LxcTools(toolsDirectory, name == null || name.isBlank() ? context.service() : name,
                dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir));
        this.configFile = context.string("cf");
        this.rcmd = context.argv("rcmd");
        this.template = context.string("template");
        List<String> options = context.argv("template_options");
        this.templateOptions = options == null ? List.of() : options;
        this.hostname = context.string("hostname");
        this.startTimeout = context.duration("start_timeout", ContainerDriver.DEFAULT_START_TIMEOUT);
        this.stopTimeout = context.duration("stop_timeout", ContainerDriver.DEFAULT_STOP_TIMEOUT);
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
    public void start() throws ResourceException {
        String state = lxc.state();
        if (state == null) {
            throw new ResourceException("container " + lxc.name() + " does not exist"
                    + (lxc.lxcPath() == null ? "" : " in " + lxc.lxcPath())
                    + (template == null || template.isBlank() ? ""
                    : " (svc provision creates it from template " + template + ")"));
        }
        if (RUNNING.equals(state)) {
            context.log().info(lxc.name() + " already running");
            return;
        }
        Path logFile = context.dataDirectory().resolve("lxc-" + lxc.name() + ".log");
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
        CommandResult result = lxc.run(argv, startTimeout, null);
        if (!result.succeeded()) {
            throw new ResourceException("lxc-start failed: " + LxcTools.failure(result) + " (log: " + logFile + ")");
        }
        Waits.until(lxc.name() + " running", startTimeout, () -> RUNNING.equals(stateOrNull()),
                () -> STOPPED.equals(stateOrNull()) ? "it stopped (log: " + logFile + ")" : null);
        if (hostname != null && !hostname.isBlank()) {
            Waits.until(hostname + " answering ping", startTimeout, this::answersPing, this::stoppedReason);
        }
        Waits.until(lxc.name() + " operational", startTimeout, this::operational, this::stoppedReason);
        context.log().info(lxc.name() + " running and operational");
    }

    @Override
    public void stop() throws ResourceException {
        String state = lxc.state();
        if (state == null || STOPPED.equals(state)) {
            context.log().info(lxc.name() + " already stopped");
            return;
        }
        List<String> graceful = lxc.argv("lxc-stop", List.of("--nokill", "-t", Long.toString(stopTimeout.toSeconds())));
        context.log().info(String.join(" ", graceful));
        CommandResult result = lxc.run(graceful, stopTimeout.plusSeconds(10), null);
        if (STOPPED.equals(stateOrNull())) {
            return;
        }
        context.log().warn(lxc.name() + " did not stop within " + stopTimeout.toSeconds() + "s ("
                + LxcTools.failure(result) + "): killing it");
        CommandResult kill = lxc.run("lxc-stop", List.of("--kill"), KILL_WAIT);
        Waits.until(lxc.name() + " stopped after kill", KILL_WAIT, () -> STOPPED.equals(stateOrNull()),
                () -> kill.succeeded() || STOPPED.equals(stateOrNull()) ? null : "lxc-stop --kill: "
                        + LxcTools.failure(kill));
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
        CommandResult result = lxc.run(argv, startTimeout, null);
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
        CommandResult result = lxc.run(argv, stopTimeout, null);
        if (!result.succeeded()) {
            throw new ResourceException("lxc-destroy failed: " + LxcTools.failure(result));
        }
        Ownership.release(context, OWNERSHIP_KIND, lxc.name());
    }

    @Override
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        try {
            return lxc.run(transport(argv), timeout, stdin);
        } catch (ResourceException e) {
            return new CommandResult(-1, "", e.getMessage(), false);
        }
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        // the path travels as an argument of the shell, never inside its script
        CommandResult result = lxc.run(transport(List.of("/bin/sh", "-c", "cat > \"$1\"", "sh", guestPath)),
                startTimeout, LocalFiles.read(local));
        if (!result.succeeded()) {
            throw new ResourceException("copy of " + local + " to " + lxc.name() + ":" + guestPath + " failed: "
                    + LxcTools.failure(result));
        }
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        LocalFiles.replace(local, temporary -> {
            CommandResult result = lxc.run(transport(List.of("cat", guestPath)), startTimeout, null, temporary);
            if (!result.succeeded()) {
                throw new ResourceException("copy of " + lxc.name() + ":" + guestPath + " to " + local + " failed: "
                        + LxcTools.failure(result));
            }
        });
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
    public boolean operational() {
        return exec(List.of("true"), null, OPERATIONAL_PROBE).succeeded();
    }

    @Override
    public String guestHostname() throws ResourceException {
        CommandResult result = exec(List.of("uname", "-n"), null, OPERATIONAL_PROBE);
        if (!result.succeeded()) {
            throw new ResourceException("cannot read the host name of " + lxc.name() + ": " + LxcTools.failure(result));
        }
        return result.stdout().strip();
    }

    /** {@code lxc-attach -n NAME [-P PATH] --clear-env -- argv}, or the {@code rcmd} override. */
    private List<String> transport(List<String> argv) {
        List<String> full = new ArrayList<>(rcmd != null ? rcmd : lxc.argv("lxc-attach", List.of("--clear-env", "--")));
        full.addAll(argv);
        return full;
    }

    private String stateOrNull() {
        try {
            return lxc.state();
        } catch (ResourceException e) {
            return null;
        }
    }

    private String stoppedReason() {
        return STOPPED.equals(stateOrNull()) ? lxc.name() + " stopped" : null;
    }

    private boolean answersPing() {
        return CommandRunner.run(List.of("ping", "-c", "1", "-W", "1", hostname), Duration.ofSeconds(5), null,
                Map.of(), null).succeeded();
    }

    /** Marks the container as created by this service, so that unprovision may destroy it. */
    /** Where lxc keeps this container: its config and, unless told otherwise, its rootfs. */
    private Path containerDirectory() {
        return (lxc.lxcPath() == null ? LxcTools.DEFAULT_LXC_PATH : lxc.lxcPath()).resolve(lxc.name());
    }
}
