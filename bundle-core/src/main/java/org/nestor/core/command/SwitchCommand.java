package org.nestor.core.command;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Dispatch;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.command.completers.SwitchTargetCompleter;
import org.nestor.core.internal.pool.ClusterStatus;
import org.nestor.core.internal.pool.ConfigReplication;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.MergedLogs;
import org.nestor.core.internal.pool.Placement;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

@Service
@Command(scope = "svc", name = "switch", description = "Relocates a service: stops it where it runs (guests first), "
        + "starts it on the target node, then prints both action logs merged in time order; to a guest: moves its "
        + "encapsulated resources there from the guests that run them")
public class SwitchCommand extends ServiceCommandSupport {

    /** A remote stop or start waits this long for the peer's agent (containers may take minutes). */
    private static final Duration REMOTE_ACTION = Duration.ofMinutes(30);

    @Option(name = "--to", description = "The node to run the service on (one of its nodes), or the guest to run "
            + "its encapsulated resources in (container name or rid)", required = true)
    @Completion(SwitchTargetCompleter.class)
    String target;

    @Override
    protected void run(PrintStream out) {
        Optional<Guest> guest = actions.encapsulation(service).guests().stream()
                .filter(g -> g.name().equals(target) || g.rid().equals(target)).findFirst();
        if (guest.isPresent()) {
            switchGuests(guest.get(), out);
            return;
        }
        Instant began = Instant.now();
        Placement placement = Placement.of(service, store, keywords, node);
        if (!placement.nodes().contains(target)) {
            throw new ActionException("cannot switch " + service + " to " + target + ": not one of its nodes ("
                    + String.join(" ", placement.nodes()) + ")");
        }
        List<PoolNode> peers = placement.peersIn(pool);
        if (!target.equals(node.name()) && peers.stream().noneMatch(peer -> peer.name().equals(target))) {
            throw new ActionException("cannot switch " + service + " to " + target + ": not in this node's pool");
        }
        // one question per peer: where the service runs, and which copy of its configuration each has
        Map<String, ServiceStatus> instances = new LinkedHashMap<>();
        instances.put(node.name(), actions.status(service, false));
        Map<String, NodeInfo> known = new LinkedHashMap<>();
        new ClusterStatus(pool, actions, store, node.name()).infos(service, peers).forEach((peer, reply) -> {
            if (!reply.ok()) {
                throw new ActionException("cannot switch " + service + ": " + peer.name() + " cannot be asked ("
                        + reply.failure().getMessage() + "); nothing was stopped");
            }
            known.put(peer.name(), reply.value());
            instances.put(peer.name(), reply.value().statuses().get(service));
        });
        List<String> sources = instances.entrySet().stream().filter(instance -> !instance.getKey().equals(target)
                && ClusterStatus.running(instance.getValue())).map(Map.Entry::getKey).toList();
        if (sources.isEmpty() && ClusterStatus.running(instances.get(target))) {
            out.println(service + " already runs on " + target);
            return;
        }
        new ConfigReplication(pool, store, keywords, node, actions).sync(service, out::println, known);
        try {
            relocate(sources, (where, action) -> actOnNode(where, action, out), out);
            out.println("switched " + service + " to " + target);
        } finally {
            out.println("action logs of " + service + " since " + began + ":");
            new MergedLogs(pool, actions).lines(service, peers, began, out::println).forEach(out::println);
        }
    }

    /**
     * Farmed failover: the guests' containers stay up, the encapsulated resources leave the guests
     * that run them (stop --slave) and start in the target guest (start --slave).
     */
    private void switchGuests(Guest guest, PrintStream out) {
        if (guest.container().status().status() != Status.UP) {
            throw new ActionException("cannot switch " + service + " to " + guest.name() + ": its container "
                    + guest.rid() + " is not running (svc start --master " + service + " first)");
        }
        ServiceStatus status = actions.status(service, true);
        List<String> sources = actions.encapsulation(service).guests().stream()
                .filter(g -> !g.rid().equals(guest.rid()) && ClusterStatus.running(status.encap().get(g.rid())))
                .map(Guest::name).toList();
        if (sources.isEmpty() && ClusterStatus.running(status.encap().get(guest.rid()))) {
            out.println(service + " already runs in " + guest.name());
            return;
        }
        relocate(sources, (where, action) -> actions.run(service, action, new ActionOptions(List.of(), List.of(),
                List.of(), false, false, false, null, false, out::println, new Dispatch(false, List.of(where), false))),
                out);
        out.println("switched " + service + " to guest " + guest.name());
    }

    private void relocate(List<String> sources, BiConsumer<String, ServiceAction> act, PrintStream out) {
        for (String source : sources) {
            out.println("stopping " + service + " on " + source);
            try {
                act.accept(source, ServiceAction.STOP);
            } catch (RuntimeException e) {
                throw new ActionException("switch of " + service + " stopped: its stop on " + source + " failed ("
                        + e.getMessage() + "); it was not started on " + target, e);
            }
        }
        out.println("starting " + service + " on " + target);
        try {
            act.accept(target, ServiceAction.START);
        } catch (RuntimeException e) {
            throw new ActionException("switch of " + service + " failed: " + (sources.isEmpty() ? ""
                    : "stopped on " + String.join(", ", sources) + ", ") + "its start on " + target + " failed ("
                    + e.getMessage() + "). It was not started again elsewhere, since " + target + " may run part of "
                    + "it: check there (svc print-status " + service + "), then svc start " + service
                    + " on the node of your choice", e);
        }
    }

    private void actOnNode(String where, ServiceAction action, PrintStream out) {
        if (where.equals(node.name())) {
            if (action == ServiceAction.START) {
                new FailoverGuard(pool, actions, store, keywords, node).check(service, false);
            }
            actions.run(service, action, ActionOptions.all(out::println));
            return;
        }
        CommandResult result = pool.call(pool.node(where), List.of("svc", action.name().toLowerCase(), service), null,
                REMOTE_ACTION);
        if (!result.succeeded()) {
            throw new PoolException(where + ": " + (result.timedOut() ? "timed out" : result.reason()));
        }
    }
}
