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
 * n/a with the reason.
 */
final class GuestStatuses {

    static final Duration FRESH = Duration.ofMinutes(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);
    private static final String ENCAP_FLAGS = "....E...";

    private final ServiceActions engine;
    private final ServiceStore store;

    GuestStatuses(ServiceActions engine, ServiceStore store) {
        this.engine = engine;
        this.store = store;
    }

    ServiceStatus fold(String service, ServiceStatus host, Encapsulation encapsulation, boolean refresh) {
        Path data = engine.actionLog(service).getParent();
        List<CompletableFuture<ServiceStatus>> asked = new ArrayList<>();
        for (Guest guest : encapsulation.guests()) {
            asked.add(CompletableFuture.supplyAsync(() -> guestStatus(service, host, guest,
                    encapsulation.encapResources(), refresh, data.resolve("encap." + guest.rid() + ".json"))));
        }
        Map<String, ServiceStatus> guests = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            guests.put(encapsulation.guests().get(i).rid(), asked.get(i).join());
        }
        return host.withGuests(guests);
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
        CommandResult answer = guest.container().exec(argv, null, FETCH_TIMEOUT);
        if (!answer.succeeded()) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + " not fetched (exit "
                    + answer.exitCode() + "): " + answer.reason());
        }
        try {
            ServiceStatus status = StatusJson.read(answer.stdout());
            LocalFiles.replace(cache, temporary -> Files.writeString(temporary, answer.stdout()));
            return status;
        } catch (IllegalArgumentException | ResourceException e) {
            return forged(service, host, guest, encap, false, "status of " + guest.name() + ": " + e.getMessage());
        }
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
