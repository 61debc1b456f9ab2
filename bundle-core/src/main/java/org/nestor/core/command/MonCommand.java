package org.nestor.core.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.ServiceNameCompleter;
import org.nestor.core.internal.pool.ClusterStatus;
import org.nestor.core.internal.pool.Placement;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

@Service
@Command(scope = "svc", name = "mon", description = "Shows each service's instances on the nodes of the pool "
        + "(O up, X down, ! warn, / n/a, * frozen, ^ placement leader, ? node unreachable), asked in parallel")
public class MonCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "services", description = "Only these services", multiValued = true)
    @Completion(ServiceNameCompleter.class)
    List<String> services;

    @Override
    protected void run(PrintStream out) {
        Map<String, Reply<Map<String, ServiceStatus>>> nodes = new ClusterStatus(pool, actions, store, node.name())
                .all(pool.nodes());
        TreeSet<String> names = new TreeSet<>();
        nodes.values().stream().filter(Reply::ok).forEach(reply -> names.addAll(reply.value().keySet()));
        if (services != null && !services.isEmpty()) {
            names.retainAll(services);
        }
        List<String> headers = new ArrayList<>(List.of("SERVICE", "STATE", "TOPOLOGY"));
        headers.addAll(nodes.keySet());
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (String service : names) {
            List<String> row = new ArrayList<>(List.of(service, "", ""));
            int running = 0;
            String topology = "";
            String leader = leader(service);
            for (Map.Entry<String, Reply<Map<String, ServiceStatus>>> entry : nodes.entrySet()) {
                Reply<Map<String, ServiceStatus>> reply = entry.getValue();
                ServiceStatus status = reply.ok() ? reply.value().get(service) : null;
                if (status != null) {
                    topology = status.topology();
                    running += ClusterStatus.running(status) ? 1 : 0;
                }
                row.add(!reply.ok() ? "?" : status == null ? "-" : cell(status, entry.getKey().equals(leader)));
            }
            row.set(1, state(topology, running));
            row.set(2, topology);
            table.row(row.toArray(String[]::new));
        }
        table.print(out);
        nodes.forEach((name, reply) -> {
            if (!reply.ok()) {
                out.println(name + ": " + reply.failure().getMessage());
            }
        });
    }

    /** The instance's state letter, frozen and leader marks. */
    private static String cell(ServiceStatus status, boolean leader) {
        String letter = switch (status.avail()) {
            case UP, STDBY_UP_WITH_UP -> "O";
            case WARN -> "!";
            case NA, UNDEF -> "/";
            default -> "X";
        };
        return letter + (status.frozen() ? "*" : "") + (leader ? "^" : "");
    }

    /** The first of the service's nodes as this node reads them; null for a service it does not have. */
    private String leader(String service) {
        try {
            return store.exists(service) ? Placement.of(service, store, keywords, node).leader() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Failover: one instance up is up, more is warn. Flex: up with at least one. */
    private static String state(String topology, int running) {
        if (running == 0) {
            return Status.DOWN.label();
        }
        return "failover".equals(topology) && running > 1 ? Status.WARN.label() + " (" + running + " up)"
                : Status.UP.label();
    }
}
