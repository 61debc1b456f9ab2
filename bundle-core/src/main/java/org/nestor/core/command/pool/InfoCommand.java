package org.nestor.core.command.pool;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.SvcCommandSupport;
import org.nestor.core.command.completers.ServiceNameCompleter;

@Service
@Command(scope = "pool", name = "info", description = "Prints what this node tells its peers (JSON): name, "
        + "Nestor version, drivers, version and checksum of each service's configuration, statuses on demand")
public class InfoCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "services", description = "Only these services", multiValued = true)
    @Completion(ServiceNameCompleter.class)
    List<String> services;

    @Option(name = "--status", description = "With the services' statuses (cached, as print-status gives them)")
    boolean status;

    @Override
    protected void run(PrintStream out) {
        out.println(cluster.describe(services == null ? List.of() : services, status).toJson());
    }
}
