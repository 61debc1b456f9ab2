package org.nestor.encap.internal;

import java.util.ArrayList;
import java.util.List;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.status.Status;
import org.nestor.core.sync.ConfigSync;

/**
 * Newest-config reconciliation between the hypervisor and a service's guests, before every relay,
 * by the core's one configuration sync: the newest copy wins and is installed everywhere with its
 * own time, nothing is merged. So an edit made inside a guest is never rolled back by an action
 * run at the hypervisor level.
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
        List<Guest> running = new ArrayList<>();
        for (Guest guest : guests) {
            if (guest.container().status().status() == Status.UP) {
                running.add(guest);
            } else {
                engine.log(service, guest.rid(), "INFO", "skip: container " + guest.name() + " not running",
                        options.output());
            }
        }
        reconcile(service, running, options);
    }

    /** Reconciles with these guests, whose containers run. */
    void reconcile(String service, List<Guest> guests, ActionOptions options) {
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
        sync.sync(service, copies, options.dryRun(), options.output());
    }
}
