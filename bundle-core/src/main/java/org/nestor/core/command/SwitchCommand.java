package org.nestor.core.command;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.command.completers.PoolNodeCompleter;
import org.nestor.core.internal.pool.ClusterStatus;
import org.nestor.core.internal.pool.ConfigReplication;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.MergedLogs;
import org.nestor.core.internal.pool.Placement;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.status.ServiceStatus;

@Service
@Command(scope = "svc", name = "switch", description = "Relocates a service: stops it where it runs (guests first), "
        + "starts it on the target node, then prints both action logs merged in time order")
public class SwitchCommand extends ServiceCommandSupport {

    /** A remote stop or start waits this long for the peer's agent (containers may take minutes). */
    private static final Duration REMOTE_ACTION = Duration.ofMinutes(30);

    @Option(name = "--to", description = "The node to run the service on (one of its nodes)", required = true)
    @Completion(PoolNodeCompleter.class)
    String target;

    @Override
    protected void run(PrintStream out) {
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
        Map<String, Reply<ServiceStatus>> instances = new ClusterStatus(pool, actions, store, node.name())
                .of(service, peers, true);
        List<String> sources = new ArrayList<>();
        for (Map.Entry<String, Reply<ServiceStatus>> instance : instances.entrySet()) {
            Reply<ServiceStatus> reply = instance.getValue();
            if (!reply.ok()) {
                throw new ActionException("cannot switch " + service + ": " + instance.getKey() + " cannot be asked ("
                        + reply.failure().getMessage() + "); nothing was stopped");
            }
            if (ClusterStatus.running(reply.value()) && !instance.getKey().equals(target)) {
                sources.add(instance.getKey());
            }
        }
        if (sources.isEmpty() && ClusterStatus.running(instances.get(target).value())) {
            out.println(service + " already runs on " + target);
            return;
        }
        new ConfigReplication(pool, store, keywords, node, actions).sync(service, out::println);
        try {
            relocate(sources, out);
            out.println("switched " + service + " to " + target);
        } finally {
            out.println("action logs of " + service + " since " + began + ":");
            new MergedLogs(pool, actions).lines(service, peers, began, out::println).forEach(out::println);
        }
    }

    private void relocate(List<String> sources, PrintStream out) {
        for (String source : sources) {
            out.println("stopping " + service + " on " + source);
            try {
                act(source, ServiceAction.STOP, out);
            } catch (RuntimeException e) {
                throw new ActionException("switch of " + service + " stopped: its stop on " + source + " failed ("
                        + e.getMessage() + "); it was not started on " + target, e);
            }
        }
        out.println("starting " + service + " on " + target);
        try {
            act(target, ServiceAction.START, out);
        } catch (RuntimeException e) {
            throw new ActionException("switch of " + service + " failed: " + (sources.isEmpty() ? ""
                    : "stopped on " + String.join(", ", sources) + ", ") + "its start on " + target + " failed ("
                    + e.getMessage() + "). It was not started again elsewhere, since " + target + " may run part of "
                    + "it: check there (svc print-status " + service + "), then svc start " + service
                    + " on the node of your choice", e);
        }
    }

    private void act(String where, ServiceAction action, PrintStream out) {
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
