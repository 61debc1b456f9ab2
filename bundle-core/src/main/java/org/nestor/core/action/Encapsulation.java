package org.nestor.core.action;

import java.util.List;

/**
 * The encapsulation of a service on this node, at the hypervisor level: its guests, its own
 * resources, and its encapsulated resources evaluated as the first encapnode would (to know the
 * rids, tags and subsets a scoped command selects). {@link #NONE} inside a guest (this node in
 * encapnodes) and for a service without encapnodes.
 */
public record Encapsulation(List<Guest> guests, List<ResourceSummary> hostResources,
                            List<ResourceSummary> encapResources) {

    public static final Encapsulation NONE = new Encapsulation(List.of(), List.of(), List.of());

    public Encapsulation {
        guests = List.copyOf(guests);
        hostResources = List.copyOf(hostResources);
        encapResources = List.copyOf(encapResources);
    }

    public boolean present() {
        return !encapResources.isEmpty();
    }
}
