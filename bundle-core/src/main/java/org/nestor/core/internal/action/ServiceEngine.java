package org.nestor.core.internal.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Encapsulation;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ResourceSummary;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.ConfigException;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.config.Problem;
import org.nestor.core.config.Section;
import org.nestor.core.config.SectionName;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.CoreConfiguration;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.NodeAssembly;
import org.nestor.core.internal.config.ConfigEvaluation;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.store.AtomicFiles;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.Drivers;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.status.StatusJson;
import org.nestor.core.store.ServiceLock;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The action engine and status of the services of this node; see {@link ServiceActions}. Karaf's
 * commands reach it through {@link LayeredActions}, which puts the installed layer over it.
 */
@Component(service = ServiceEngine.class, configurationPid = CoreConfiguration.PID)
public class ServiceEngine implements ServiceActions {

    private static final String STATUS_CACHE = "status.json";
    private static final String FROZEN = "frozen";
    private static final String RUNNING = "running";

    private final NestorPaths paths;
    private final ServiceStore store;
    private final KeywordDictionary dictionary;
    private final Drivers drivers;
    private final NodeIdentity node;
    private final FailoverGuard guard;

    @Activate
    public ServiceEngine(@Reference ServiceStore store, @Reference KeywordDictionary dictionary,
                         @Reference Drivers drivers, @Reference NodeIdentity node, @Reference FailoverGuard guard,
                         CoreConfiguration configuration) {
        this(NodeAssembly.paths(configuration), store, dictionary, drivers, node, guard);
    }

    /** Without OSGi (bin/nestor, tests, benchmarks). DS sees only the public constructor above. */
    public static ServiceEngine standalone(NestorPaths paths, ServiceStore store, KeywordDictionary dictionary,
                                           Drivers drivers, NodeIdentity node, FailoverGuard guard) {
        return new ServiceEngine(paths, store, dictionary, drivers, node, guard);
    }

    private ServiceEngine(NestorPaths paths, ServiceStore store, KeywordDictionary dictionary, Drivers drivers,
                          NodeIdentity node, FailoverGuard guard) {
        this.paths = paths;
        this.store = store;
        this.dictionary = dictionary;
        this.drivers = drivers;
        this.node = node;
        this.guard = guard;
    }

    @Override
    public Path actionLog(String service) {
        return paths.serviceData(service).resolve("actions.log");
    }

    @Override
    public void log(String service, String rid, String level, String message, Consumer<String> output) {
        try (ActionLog log = new ActionLog(actionLog(service), node.name(), service,
                output == null ? line -> { } : output)) {
            log.log(rid, level, message);
        } catch (IOException e) {
            throw new StoreException("cannot write " + actionLog(service) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Encapsulation encapsulation(String service) {
        ServiceConfig config = store.read(service);
        // asked for every service on each status: most have no encapnodes, which needs no evaluation
        Section defaults = config.section(ServiceConfig.DEFAULT);
        if (defaults == null || defaults.entries().stream().noneMatch(e -> e.key().startsWith("encapnodes"))) {
            return Encapsulation.NONE;
        }
        ServiceModel here = model(service, config);
        List<String> encapnodes = here.evaluation.encapnodes();
        if (encapnodes.isEmpty() || encapnodes.contains(here.evaluation.context().nodename())) {
            return Encapsulation.NONE;
        }
        List<Guest> guests = new ArrayList<>();
        for (PlannedResource resource : here.resources) {
            if (resource.group().equals("container") && !resource.disabled()) {
                try {
                    if (ActionRun.handle(here, resource, ResourceLog.SILENT) instanceof ContainerResource container) {
                        Object timeout = resource.values().get("encap_timeout");
                        guests.add(new Guest(resource.rid(), container, String.valueOf(resource.values()
                                .getOrDefault("encap_agent", ContainerDriver.DEFAULT_ENCAP_AGENT)),
                                timeout instanceof Long seconds ? Duration.ofSeconds(seconds)
                                        : ContainerDriver.DEFAULT_ENCAP_TIMEOUT));
                    }
                } catch (ResourceException e) {
                    throw new ActionException(service + ": " + resource.rid() + ": " + e.getMessage(), e);
                }
            }
        }
        // the encapsulated resources as the first encapnode sees them: their rids, tags and subsets
        ConfigEvaluation asGuest = new ConfigEvaluation(service, config, dictionary,
                EvaluationContext.of(node, encapnodes.get(0)));
        List<ResourceSummary> encapResources = summaries(ServiceModel.of(service, paths.config(),
                paths.serviceData(service), config, asGuest, dictionary, drivers));
        return new Encapsulation(guests, summaries(here), encapResources);
    }

    /** The trust boundary of the service's guests, as this node's copy sets it (the configuration sync asks). */
    public GuestBoundary guestBoundary(String service) {
        ServiceConfig host = store.read(service);
        return new GuestBoundary(host, new ConfigEvaluation(service, host, dictionary, EvaluationContext.of(node, null)),
                dictionary, (config, nodename) -> ServiceModel.of(service, paths.config(), paths.serviceData(service),
                        config, new ConfigEvaluation(service, config, dictionary, EvaluationContext.of(node, nodename)),
                        dictionary, drivers));
    }

    @Override
    public boolean pushConfig(String service, List<String> slaves, boolean force, Consumer<String> output) {
        throw new ActionException("push-config needs encapsulation, and feature nestor-encap is not installed");
    }

    /** The engine knows no guests: only the encapsulation layer moves a service between them. */
    @Override
    public boolean relocateInside(String service, String target, Consumer<String> output) {
        return false;
    }

    private static List<ResourceSummary> summaries(ServiceModel model) {
        return model.resources.stream().map(PlannedResource::summary).toList();
    }

    @Override
    public void setFrozen(String service, boolean frozen) {
        store.read(service);
        Path flag = paths.serviceData(service).resolve(FROZEN);
        try {
            if (frozen) {
                Files.createDirectories(flag.getParent());
                Files.writeString(flag, Instant.now() + "\n");
            } else {
                Files.deleteIfExists(flag);
            }
            Files.deleteIfExists(paths.serviceData(service).resolve(STATUS_CACHE));
        } catch (IOException e) {
            throw new StoreException("cannot " + (frozen ? "freeze" : "thaw") + " service " + service + ": "
                    + e.getMessage(), e);
        }
    }

    private boolean frozen(String service) {
        return Files.exists(paths.serviceData(service).resolve(FROZEN));
    }

    /**
     * The service evaluated for this node, refused when its configuration is not valid. A resource
     * whose type no installed driver serves is no reason to refuse: it shows undef, and fails when
     * an action needs it (driver bundles come and go).
     */
    private ServiceModel model(String service) {
        return model(service, store.read(service));
    }

    private ServiceModel model(String service, ServiceConfig config) {
        List<Problem> problems = store.validate(service, config).stream()
                .filter(problem -> !awaitsDriver(config, problem.section())).toList();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ConfigEvaluation evaluation = new ConfigEvaluation(service, config, dictionary,
                EvaluationContext.of(node, null));
        return ServiceModel.of(service, paths.config(), paths.serviceData(service), config, evaluation, dictionary,
                drivers);
    }

    private boolean awaitsDriver(ServiceConfig config, String sectionName) {
        Section section = sectionName == null ? null : config.section(sectionName);
        SectionName name = SectionName.parse(String.valueOf(sectionName));
        return section != null && name.isResource() && section.get("type") != null
                && dictionary.driverType(name.group(), section.get("type")) == null;
    }

    @Override
    public void run(String service, ServiceAction action, ActionOptions options) {
        if (options.dispatch().anySlave()) {
            throw new ActionException("--slave and --slaves need encapsulation, and feature nestor-encap is not "
                    + "installed");
        }
        ServiceModel model = model(service);
        if (options.orchestrated() && frozen(service)) {
            throw new ActionException("service " + service + " is frozen: orchestrated actions are refused"
                    + " until svc:thaw");
        }
        if (action.starts() && !options.dryRun()) {
            guard.check(service, options.force());
        }
        List<PlannedResource> selected = model.resources.stream().filter(r -> r.selectedBy(options)).toList();
        if (selected.isEmpty() && !options.selectsAll()) {
            throw new ActionException("no resource of service " + service + " matches the selection"
                    + " (--rid " + options.rids() + ", --tags " + options.tags() + ", --subsets "
                    + options.subsets() + ")");
        }
        if (options.dryRun()) {
            new ActionRun(model, options, null).plan(action, selected);
            return;
        }
        Duration lockTimeout = options.lockTimeout() != null ? options.lockTimeout() : model.lockTimeout;
        try (ServiceLock lock = lock(service, lockTimeout, options);
             ActionLog log = new ActionLog(actionLog(service), model.evaluation.context().nodename(), service,
                     options.output())) {
            markRunning(service, selected);
            try {
                new ActionRun(model, options, log).run(action, selected);
            } finally {
                markRunning(service, List.of());
                writeCache(computeStatus(model));
            }
        } catch (IOException e) {
            throw new ActionException("cannot write the action log of " + service + ": " + e.getMessage(), e);
        }
    }

    /** Takes the service lock, telling the user when another action holds it. */
    private ServiceLock lock(String service, Duration timeout, ActionOptions options) {
        try {
            return store.lock(service, Duration.ZERO);
        } catch (StoreException busy) {
            options.output().accept("waiting up to " + timeout.toSeconds() + "s for the lock of service " + service
                    + ": " + busy.getMessage().replaceFirst(": gave up after .*", ""));
            return store.lock(service, timeout);
        }
    }

    private void markRunning(String service, List<PlannedResource> resources) {
        Path marker = paths.serviceData(service).resolve(RUNNING);
        try {
            if (resources.isEmpty()) {
                Files.deleteIfExists(marker);
            } else {
                List<String> lines = new ArrayList<>(List.of(Long.toString(ProcessHandle.current().pid())));
                resources.forEach(r -> lines.add(r.rid()));
                Files.write(marker, lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ActionException("cannot mark the running action of " + service + ": " + e.getMessage(), e);
        }
    }

    /** Rids an action runs on now, from a marker whose process is still alive. */
    private List<String> running(String service) {
        try {
            List<String> lines = Files.readAllLines(paths.serviceData(service).resolve(RUNNING));
            boolean alive = !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0)))
                    .map(ProcessHandle::isAlive).orElse(false);
            return alive ? lines.subList(1, lines.size()) : List.of();
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    @Override
    public ServiceStatus status(String service, boolean refresh) {
        if (!refresh) {
            ServiceStatus cached = readCache(service);
            if (cached != null) {
                return cached;
            }
        }
        ServiceStatus status = computeStatus(model(service));
        writeCache(status);
        return status;
    }

    /** The cached status, when it is newer than the configuration and readable. */
    private ServiceStatus readCache(String service) {
        Path cache = paths.serviceData(service).resolve(STATUS_CACHE);
        try {
            if (!Files.exists(cache)
                    || Files.getLastModifiedTime(cache).toInstant().isBefore(store.version(service))) {
                return null;
            }
            return StatusJson.read(Files.readString(cache, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private void writeCache(ServiceStatus status) {
        Path cache = paths.serviceData(status.service()).resolve(STATUS_CACHE);
        try {
            AtomicFiles.replace(cache, StatusJson.write(status));
        } catch (IOException e) {
            throw new StoreException("cannot cache the status of " + status.service() + ": " + e.getMessage(), e);
        }
    }

    ServiceStatus computeStatus(ServiceModel model) {
        List<String> running = running(model.service);
        Map<String, ResourceState> states = new LinkedHashMap<>();
        Status avail = Status.UNDEF;
        Status optional = Status.UNDEF;
        Status others = Status.UNDEF;
        boolean warned = false;
        for (PlannedResource resource : model.resources) {
            ResourceState state = state(model, resource, running.contains(resource.rid()));
            states.put(resource.rid(), state);
            warned |= state.log().stream().anyMatch(line -> line.startsWith("warn: ") || line.startsWith("error: "));
            if (!resource.inAvailability()) {
                others = others.merge(state.status() == Status.UP ? Status.NA
                        : state.status() == Status.DOWN ? Status.WARN : state.status());
            } else if (resource.optional()) {
                optional = optional.merge(state.status());
            } else {
                avail = avail.merge(state.status());
            }
        }
        avail = avail == Status.UNDEF ? Status.NA : avail;
        optional = optional == Status.UNDEF ? Status.NA : optional;
        Status overall = warned ? Status.WARN : avail.merge(optional).merge(others);
        return new ServiceStatus(model.service, model.evaluation.context().nodename(), Instant.now(), model.topology, frozen(model.service), overall, avail,
                optional, states);
    }

    private ResourceState state(ServiceModel model, PlannedResource resource, boolean running) {
        Status status;
        List<String> log;
        String label = resource.type();
        Boolean provisioned = null;
        if (resource.disabled()) {
            status = Status.NA;
            log = List.of("info: disabled");
        } else {
            try {
                Resource handle = ActionRun.handle(model, resource, ResourceLog.SILENT);
                ResourceStatus reported = handle.status();
                status = resource.standby() ? reported.status().asStandby() : reported.status();
                log = reported.log();
                label = handle.label();
                provisioned = handle.provisioned();
            } catch (ResourceException e) {
                status = resource.driver() == null ? Status.UNDEF : Status.WARN;
                log = List.of("error: " + e.getMessage());
            }
        }
        String flags = String.valueOf(running ? 'R' : '.') + (resource.monitor() ? 'M' : '.')
                + (resource.disabled() ? 'D' : '.') + (resource.optional() ? 'O' : '.')
                + (resource.encap() ? 'E' : '.')
                + (provisioned == null ? '/' : provisioned ? '.' : 'P') + (resource.standby() ? 'S' : '.')
                + (resource.restart() == 0 ? "." : resource.restart() > 9 ? "+" : Long.toString(resource.restart()));
        return new ResourceState(resource.rid(), resource.type(), label, status, flags, log, resource.tags(),
                resource.standby(), resource.optional(), resource.disabled(), resource.encap());
    }
}
