package org.nestor.encap.internal;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.nestor.core.action.Encapsulation;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ResourceSummary;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.status.StatusJson;
import org.nestor.core.store.ServiceStore;

/**
 * The guests' part of a service status: each guest agent's JSON status, asked in parallel through
 * the container transports and cached in {@code data/nestor/<svc>/encap.<rid>.json} (used while
 * younger than a minute and than the configuration, unless refreshed). A container that is down
 * shows its guest's resources down (app and sync n/a); a guest that does not answer shows them
 * n/a with the reason. What a guest answers is untrusted input: bounded in time and size (and in
 * depth, by the JSON reader), only the service's encapsulated rids are taken, and its texts are
 * cleaned of terminal escapes. A container whose guest's configuration stands refused has a
 * warning on its row (the service's overall is warn) until that is resolved.
 */
final class GuestStatuses {

    static final Duration FRESH = Duration.ofMinutes(1);
    /** Longest a guest's status document may be: a real one is a few KiB. */
    static final int MAX_STATUS = 1024 * 1024;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);
    /** What the hypervisor waits beyond the transport's own timeout, should the transport not keep it. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final String ENCAP_FLAGS = "....E...";

    private final ServiceActions engine;
    private final ServiceStore store;
    private final ConfigReconciler reconciler;
    private final Duration fetchTimeout;

    GuestStatuses(ServiceActions engine, ServiceStore store, ConfigReconciler reconciler) {
        this(engine, store, reconciler, FETCH_TIMEOUT);
    }

    /** @param fetchTimeout longest a guest may take to answer its status */
    GuestStatuses(ServiceActions engine, ServiceStore store, ConfigReconciler reconciler, Duration fetchTimeout) {
        this.engine = engine;
        this.store = store;
        this.reconciler = reconciler;
        this.fetchTimeout = fetchTimeout;
    }

    ServiceStatus fold(String service, ServiceStatus host, Encapsulation encapsulation, boolean refresh) {
        Path data = engine.actionLog(service).getParent();
        List<CompletableFuture<ServiceStatus>> asked = new ArrayList<>();
        // a thread per guest, not the common pool: a guest that hangs holds its own thread only
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "nestor-guest-status");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Guest guest : encapsulation.guests()) {
                asked.add(CompletableFuture.supplyAsync(() -> guestStatus(service, host, guest,
                        encapsulation.encapResources(), refresh, data.resolve("encap." + guest.rid() + ".json")),
                        threads));
            }
            Map<String, ServiceStatus> guests = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                Guest guest = encapsulation.guests().get(i);
                guests.put(guest.rid(), answered(service, host, guest, encapsulation.encapResources(), asked.get(i)));
            }
            return withRefusals(host, encapsulation.guests(), reconciler.refusals(service)).withGuests(guests);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The guest's status, or n/a with the reason when it does not come within the fetch timeout. */
    private ServiceStatus answered(String service, ServiceStatus host, Guest guest, List<ResourceSummary> encap,
                                   CompletableFuture<ServiceStatus> answer) {
        Duration deadline = fetchTimeout.plus(fetchTimeout.compareTo(GRACE) < 0 ? fetchTimeout : GRACE);
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return forged(service, host, guest, encap, false, "status of " + guest.name() + " not fetched: no answer "
                    + "within " + deadline.toMillis() / 1000.0 + "s");
        } catch (ExecutionException e) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + ": "
                    + GuestText.line(String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return forged(service, host, guest, encap, false, "status of " + guest.name() + ": interrupted");
        }
    }

    /** The host's status with a warning on the row of each container whose guest's copy stands refused. */
    private static ServiceStatus withRefusals(ServiceStatus host, List<Guest> guests, Map<String, List<String>> refusals) {
        Map<String, ResourceState> resources = new LinkedHashMap<>(host.resources());
        boolean warned = false;
        for (Guest guest : guests) {
            ResourceState row = resources.get(guest.rid());
            List<String> changes = refusals.get(guest.name());
            if (row == null || changes == null) {
                continue;
            }
            List<String> log = new ArrayList<>(row.log());
            log.add("warn: configuration of " + guest.name() + " refused, its copy changes " + String.join(", ", changes)
                    + " (svc push-config --force " + host.service() + " replaces it)");
            resources.put(row.rid(), new ResourceState(row.rid(), row.type(), row.label(), row.status(), row.flags(),
                    log, row.tags(), row.standby(), row.optional(), row.disable(), row.encap()));
            warned = true;
        }
        return !warned ? host : new ServiceStatus(host.service(), host.node(), host.updated(), host.topology(),
                host.frozen(), host.overall().merge(Status.WARN), host.avail(), host.optional(), resources,
                host.encap());
    }

    private ServiceStatus guestStatus(String service, ServiceStatus host, Guest guest, List<ResourceSummary> encap,
                                      boolean refresh, Path cache) {
        // the host's own status has just told whether the container is up (cached, or asked when refreshed)
        ResourceState container = host.resources().get(guest.rid());
        if (container == null || container.status() != Status.UP) {
            return forged(service, host, guest, encap, true, "container " + guest.name() + " is not running");
        }
        if (!refresh && fresh(cache, service)) {
            try {
                return StatusJson.read(Files.readString(cache, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                // a cache that cannot be read is asked again
            }
        }
        List<String> argv = new ArrayList<>(List.of(guest.agent(), "svc", "print-status", "--format", "json"));
        if (refresh) {
            argv.add("--refresh");
        }
        argv.add(service);
        CommandResult answer = guest.container().exec(argv, null, fetchTimeout);
        if (answer.timedOut()) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + " not fetched: no answer "
                    + "within " + fetchTimeout.toSeconds() + "s");
        }
        if (!answer.succeeded()) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + " not fetched (exit "
                    + answer.exitCode() + "): " + GuestText.line(GuestText.bounded(answer.reason(), 512)));
        }
        int size = answer.stdout().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_STATUS) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + " refused: " + size
                    + " bytes, more than " + MAX_STATUS);
        }
        try {
            ServiceStatus status = ofItsResources(StatusJson.read(answer.stdout()), guest, encap);
            LocalFiles.replace(cache, temporary -> Files.writeString(temporary, StatusJson.write(status)));
            return status;
        } catch (IllegalArgumentException | ResourceException e) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + ": "
                    + GuestText.line(GuestText.bounded(e.getMessage(), 512)));
        }
    }

    /**
     * What a guest may say: the state of the service's encapsulated resources, whose texts are made
     * safe to print; rows for any other rid and nested guests are dropped.
     */
    private static ServiceStatus ofItsResources(ServiceStatus status, Guest guest, List<ResourceSummary> encap) {
        Map<String, ResourceState> resources = new LinkedHashMap<>();
        for (ResourceSummary resource : encap) {
            ResourceState row = status.resources().get(resource.rid());
            if (row != null) {
                resources.put(row.rid(), new ResourceState(row.rid(), GuestText.line(row.type()),
                        GuestText.line(row.label()), row.status(), GuestText.line(row.flags()),
                        row.log().stream().map(GuestText::line).toList(),
                        row.tags().stream().map(GuestText::line).toList(), row.standby(), row.optional(),
                        row.disable(), row.encap()));
            }
        }
        return new ServiceStatus(status.service(), guest.name(), status.updated(), GuestText.line(status.topology()),
                status.frozen(), status.overall(), status.avail(), status.optional(), resources);
    }

    private boolean fresh(Path cache, String service) {
        try {
            Instant written = Files.getLastModifiedTime(cache).toInstant();
            return written.isAfter(Instant.now().minus(FRESH))
                    && written.isAfter(Files.getLastModifiedTime(store.file(service)).toInstant());
        } catch (IOException e) {
            return false;
        }
    }

    /** The guest's resources as the hypervisor knows them: down with their container, else n/a. */
    private static ServiceStatus forged(String service, ServiceStatus host, Guest guest, List<ResourceSummary> encap,
                                        boolean containerDown, String reason) {
        Map<String, ResourceState> resources = new LinkedHashMap<>();
        Status avail = Status.UNDEF;
        for (ResourceSummary resource : encap) {
            boolean counts = !List.of("app", "sync").contains(resource.group());
            Status status = containerDown && counts ? Status.DOWN : Status.NA;
            avail = avail.merge(status);
            resources.put(resource.rid(), new ResourceState(resource.rid(), resource.group(), "", status, ENCAP_FLAGS,
                    List.of((containerDown ? "info: " : "warn: ") + reason), resource.tags(), false, false, false,
                    true));
        }
        avail = avail == Status.UNDEF ? Status.NA : avail;
        return new ServiceStatus(service, guest.name(), Instant.now(), host.topology(), false,
                containerDown ? avail : Status.WARN, avail, Status.NA, resources);
    }
}
