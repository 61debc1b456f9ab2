package org.nestor.core.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.ServiceNameCompleter;

@Service
@Command(scope = "svc", name = "sync-config", description = "Replicates services' configurations between the "
        + "nodes and drpnodes of the pool (guests first; newest wins, nothing merged); all services when none is named")
public class SyncConfigCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "services", description = "Services to replicate (default: all)", multiValued = true)
    @Completion(ServiceNameCompleter.class)
    List<String> services;

    @Override
    protected void run(PrintStream out) {
        List<String> behind = new ArrayList<>();
        for (String service : services == null || services.isEmpty() ? store.list() : services) {
            store.read(service);
            if (!cluster.replicate(service, out::println)) {
                behind.add(service + " (" + String.join(", ", cluster.pending(service)) + ")");
            }
        }
        if (!behind.isEmpty()) {
            throw new IllegalStateException("not every peer has the newest configuration of: "
                    + String.join(", ", behind));
        }
    }
}
