package org.nestor.encap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Dispatch;
import org.nestor.core.action.Encapsulation;
import org.nestor.core.action.ForwardingServiceActions;
import org.nestor.core.action.Guest;
import org.nestor.core.action.Relocation;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;

/**
 * Actions on services with encapsulated resources, per semantics.md "Encapsulation": the hypervisor
 * level ({@code --master}) is the core engine's; guests ({@code --slave NAME}, {@code --slaves}) get
 * the action relayed to their agent. Start and provision go host first, then guests; stop and
 * unprovision guests first, a guest that cannot be joined not keeping the host from stopping. A
 * scoped command that selects no encapsulated resource leaves the guests alone. Everything else
 * is the engine's.
 */
final class EncapActions extends ForwardingServiceActions {

    /** The actions that go to both levels when no level is named. */
    static final Set<ServiceAction> MASTER_AND_SLAVES = Set.of(ServiceAction.START, ServiceAction.STOP,
            ServiceAction.RESTART, ServiceAction.PROVISION, ServiceAction.UNPROVISION);

    private final ServiceActions engine;
    private final ConfigReconciler reconciler;
    private final GuestRelay relay;
    private final GuestStatuses statuses;

    EncapActions(ServiceActions engine, ServiceStore store, ConfigSync sync) {
        this.engine = engine;
        this.reconciler = new ConfigReconciler(engine, sync);
        this.relay = new GuestRelay(engine, reconciler);
        this.statuses = new GuestStatuses(engine, store, reconciler);
    }

    @Override
    protected ServiceActions delegate() {
        return engine;
    }

    @Override
    public void run(String service, ServiceAction action, ActionOptions options) {
        Encapsulation encapsulation = engine.encapsulation(service);
        Dispatch dispatch = options.dispatch();
        ActionOptions hostOptions = withoutDispatch(options);
        if (!encapsulation.present()) {
            if (dispatch.anySlave()) {
                throw new ActionException("service " + service + " has no encapsulated resources: --slave and "
                        + "--slaves do not apply");
            }
            engine.run(service, action, hostOptions);
            return;
        }
        if (!dispatch.specified() && !MASTER_AND_SLAVES.contains(action)) {
            throw new ActionException(action.label() + " on " + service + ": specify either --master, --slave(s) or both");
        }
        boolean master = !dispatch.specified() || dispatch.master();
        List<Guest> guests = dispatch.specified() && !dispatch.anySlave() ? List.of() : targets(service, encapsulation,
                dispatch);
        if (!options.selectsAll()) {
            if (encapsulation.encapResources().stream().noneMatch(r -> r.selectedBy(options))) {
                guests = List.of();
            }
            if (encapsulation.hostResources().stream().noneMatch(r -> r.selectedBy(options))) {
                master = false;
            }
        }
        switch (action) {
            case START, PROVISION, SYNC -> {
                host(master, service, action, hostOptions);
                relay.run(service, action, options, guests, false);
            }
            case STOP, UNPROVISION -> {
                relay.run(service, action, options, guests, true);
                host(master, service, action, hostOptions);
            }
            case RESTART -> {
                relay.run(service, ServiceAction.STOP, options, guests, true);
                host(master, service, ServiceAction.RESTART, hostOptions);
                relay.run(service, ServiceAction.START, options, guests, false);
            }
        }
    }

    private void host(boolean master, String service, ServiceAction action, ActionOptions options) {
        if (master) {
            engine.run(service, action, options);
        }
    }

    /** The guests {@code --slave} names (container name or rid), or all of them. */
    private static List<Guest> targets(String service, Encapsulation encapsulation, Dispatch dispatch) {
        if (!dispatch.anySlave() || dispatch.allSlaves()) {
            return encapsulation.guests();
        }
        List<Guest> selected = new ArrayList<>();
        for (String wanted : dispatch.slaves()) {
            Guest guest = encapsulation.guests().stream()
                    .filter(g -> g.name().equals(wanted) || g.rid().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ActionException("--slave " + wanted + ": service " + service
                            + " has no such guest (" + String.join(", ", encapsulation.guests().stream()
                            .map(g -> g.name() + " (" + g.rid() + ")").toList()) + ")"));
            if (!selected.contains(guest)) {
                selected.add(guest);
            }
        }
        return selected;
    }

    private static ActionOptions withoutDispatch(ActionOptions options) {
        return new ActionOptions(options.rids(), options.tags(), options.subsets(), options.dryRun(), options.force(),
                options.disableRollback(), options.lockTimeout(), options.orchestrated(), options.output(),
                Dispatch.DEFAULT);
    }

    /** The host's status with each guest's nested under its container and merged into the availability. */
    @Override
    public ServiceStatus status(String service, boolean refresh) {
        ServiceStatus host = engine.status(service, refresh);
        Encapsulation encapsulation = engine.encapsulation(service);
        return encapsulation.present() ? statuses.fold(service, host, encapsulation, refresh) : host;
    }

    @Override
    public boolean pushConfig(String service, List<String> slaves, boolean force, Consumer<String> output) {
        Encapsulation encapsulation = engine.encapsulation(service);
        if (encapsulation.guests().isEmpty()) {
            throw new ActionException("service " + service + " has no guests on this node");
        }
        List<Guest> targets = targets(service, encapsulation, new Dispatch(false, slaves, slaves.isEmpty()));
        List<String> moved = new ArrayList<>();
        ActionOptions options = ActionOptions.all(line -> {
            moved.add(line);
            output.accept(line);
        });
        if (force) {
            reconciler.replace(service, targets, options);
            return !moved.isEmpty();
        }
        reconciler.reconcileRunning(service, targets, options);
        Map<String, List<String>> refusals = reconciler.refusals(service);
        List<String> refused = targets.stream().filter(guest -> refusals.containsKey(guest.name()))
                .map(guest -> guest.name() + "'s copy changes " + String.join(", ", refusals.get(guest.name())))
                .toList();
        if (!refused.isEmpty()) {
            throw new ActionException("configuration of " + service + " refused: " + String.join("; ", refused)
                    + " (a guest may change only its encapsulated resources; svc push-config --force " + service
                    + " replaces its copy with this node's)");
        }
        return !moved.isEmpty();
    }

    /**
     * Farmed failover: the guests' containers stay up, the encapsulated resources leave the guests
     * that run them (stop --slave) and start in the target guest (start --slave).
     */
    @Override
    public boolean relocateInside(String service, String target, Consumer<String> output) {
        Encapsulation encapsulation = engine.encapsulation(service);
        Guest guest = encapsulation.guests().stream().filter(g -> g.name().equals(target) || g.rid().equals(target))
                .findFirst().orElse(null);
        if (guest == null) {
            return false;
        }
        if (guest.container().status().status() != Status.UP) {
            throw new ActionException("cannot switch " + service + " to " + guest.name() + ": its container "
                    + guest.rid() + " is not running (svc start --master " + service + " first)");
        }
        ServiceStatus status = status(service, true);
        List<String> sources = encapsulation.guests().stream()
                .filter(g -> !g.rid().equals(guest.rid()) && runs(status.encap().get(g.rid())))
                .map(Guest::name).toList();
        if (sources.isEmpty() && runs(status.encap().get(guest.rid()))) {
            output.accept(service + " already runs in " + guest.name());
            return true;
        }
        new Relocation(service, sources, guest.name()).run((where, action) -> run(service, action,
                new ActionOptions(List.of(), List.of(), List.of(), false, false, false, null, false, output,
                        new Dispatch(false, List.of(where), false))), output);
        output.accept("switched " + service + " to guest " + guest.name());
        return true;
    }

    private static boolean runs(ServiceStatus status) {
        return status != null && status.runs();
    }
}
