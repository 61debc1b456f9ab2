package org.nestor.encap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.status.Status;
import org.nestor.core.sync.ConfigSync;

/**
 * Newest-config reconciliation between the hypervisor and a service's guests, before every relay,
 * by the core's one configuration sync: the newest copy wins and is installed everywhere with its
 * own time, nothing is merged. So an edit made inside a guest is never rolled back by an action
 * run at the hypervisor level; one that changes the hypervisor view is refused by the sync and left
 * in the guest, until {@link #replace} (an administrator's {@code push-config --force}).
 */
final class ConfigReconciler {

    private final ServiceActions engine;
    private final ConfigSync sync;

    ConfigReconciler(ServiceActions engine, ConfigSync sync) {
        this.engine = engine;
        this.sync = sync;
    }

    /** Reconciles with the guests whose container is up; the others are said to be skipped. */
    void reconcileRunning(String service, List<Guest> guests, ActionOptions options) {
        reconcile(service, running(service, guests, options), options);
    }

    /** The guests whose container is up; the others are said to be skipped. */
    private List<Guest> running(String service, List<Guest> guests, ActionOptions options) {
        List<Guest> running = new ArrayList<>();
        for (Guest guest : guests) {
            if (guest.container().status().status() == Status.UP) {
                running.add(guest);
            } else {
                engine.log(service, guest.rid(), "INFO", "skip: container " + guest.name() + " not running",
                        options.output());
            }
        }
        return running;
    }

    /** Reconciles with these guests, whose containers run. */
    void reconcile(String service, List<Guest> guests, ActionOptions options) {
        sync.sync(service, copies(service, guests, options), options.dryRun(), options.output());
    }

    /** Replaces the copies of the running guests among these that differ with this node's ({@code --force}). */
    void replace(String service, List<Guest> guests, ActionOptions options) {
        sync.give(service, copies(service, running(service, guests, options), options), options.output());
    }

    /** The guests' copies that stand refused, by guest name, with what each may not change. */
    Map<String, List<String>> refusals(String service) {
        return sync.refusals(service);
    }

    private List<GuestCopy> copies(String service, List<Guest> guests, ActionOptions options) {
        List<GuestCopy> copies = new ArrayList<>();
        for (Guest guest : guests) {
            GuestCopy copy = new GuestCopy(guest);
            if (copy.hasAgent()) {
                copies.add(copy);
            } else {
                engine.log(service, guest.rid(), "WARN", "configuration not compared with " + guest.name()
                        + ": no agent " + guest.agent() + " there", options.output());
            }
        }
        return copies;
    }
}
