package org.nestor.core.status;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status of a service on this node.
 *
 * @param service   the service name
 * @param node      the node that asked (a guest's own name inside a guest)
 * @param updated   when the resources were asked
 * @param topology  failover or flex
 * @param frozen    whether orchestrated actions are refused
 * @param overall   availability merged with the optional resources, warn when any resource warned
 * @param avail     merge of the non-optional resources
 * @param optional  merge of the optional resources
 * @param resources by rid, in start order
 * @param encap     the guests' own statuses, by the rid of their container (hypervisor level only)
 */
public record ServiceStatus(String service, String node, Instant updated, String topology, boolean frozen,
                            Status overall, Status avail, Status optional, Map<String, ResourceState> resources,
                            Map<String, ServiceStatus> encap) {

    public ServiceStatus {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        encap = Collections.unmodifiableMap(new LinkedHashMap<>(encap));
    }

    /** A status without guests. */
    public ServiceStatus(String service, String node, Instant updated, String topology, boolean frozen, Status overall,
                         Status avail, Status optional, Map<String, ResourceState> resources) {
        this(service, node, updated, topology, frozen, overall, avail, optional, resources, Map.of());
    }

    /** Whether this instance runs, wholly or partly: what a failover service may have on one node only. */
    public boolean runs() {
        return avail.isUp() || avail == Status.WARN;
    }

    /** This status with its guests' folded in: their availability merged into this one's. */
    public ServiceStatus withGuests(Map<String, ServiceStatus> guests) {
        Status mergedAvail = avail;
        Status mergedOverall = overall;
        for (ServiceStatus guest : guests.values()) {
            mergedAvail = mergedAvail.merge(guest.avail());
            mergedOverall = mergedOverall.merge(guest.overall());
        }
        return new ServiceStatus(service, node, updated, topology, frozen, mergedOverall, mergedAvail, optional,
                resources, guests);
    }
}
