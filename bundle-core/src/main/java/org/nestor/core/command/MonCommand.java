package org.nestor.core.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.ServiceNameCompleter;
import org.nestor.core.pool.ClusterView;
import org.nestor.core.pool.ClusterView.Instance;
import org.nestor.core.pool.ClusterView.Row;

@Service
@Command(scope = "svc", name = "mon", description = "Shows each service's instances on the nodes of the pool "
        + "(O up, X down, ! warn, / n/a, * frozen, ^ placement leader, ? node unreachable), asked in parallel")
public class MonCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "services", description = "Only these services", multiValued = true)
    @Completion(ServiceNameCompleter.class)
    List<String> services;

    @Override
    protected void run(PrintStream out) {
        ClusterView view = cluster.view(services == null ? List.of() : services);
        List<String> headers = new ArrayList<>(List.of("SERVICE", "STATE", "TOPOLOGY"));
        headers.addAll(view.nodes());
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (Row service : view.rows()) {
            List<String> row = new ArrayList<>(List.of(service.service(), service.state(), service.topology()));
            for (String node : view.nodes()) {
                Instance instance = service.instances().get(node);
                row.add(view.unreachable().containsKey(node) ? "?" : instance == null ? "-" : cell(instance));
            }
            table.row(row.toArray(String[]::new));
        }
        table.print(out);
        view.unreachable().forEach((node, why) -> out.println(node + ": " + why));
    }

    /** The instance's state letter, frozen and leader marks. */
    private static String cell(Instance instance) {
        String letter = switch (instance.status().avail()) {
            case UP, STDBY_UP_WITH_UP -> "O";
            case WARN -> "!";
            case NA, UNDEF -> "/";
            default -> "X";
        };
        return letter + (instance.status().frozen() ? "*" : "") + (instance.leader() ? "^" : "");
    }
}
