package org.nestor.core.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.command.completers.ServiceNameCompleter;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.StatusJson;

@Service
@Command(scope = "svc", name = "print-status",
        description = "Prints the status of a service (or of all): overall, availability, each resource with flags")
public class PrintStatusCommand extends SvcCommandSupport {


    /** The console's session, to colour only on a terminal; absent under bin/nestor. */
    @Reference(optional = true)
    protected Session session;

    @Argument(index = 0, name = "service", description = "Service to show")
    @Completion(ServiceNameCompleter.class)
    String service;

    @Option(name = "--all", description = "Every service of this node")
    boolean all;

    @Option(name = "--format", description = "tree (default) or json")
    @Completion(value = StringsCompleter.class, values = {"tree", "json"})
    String format = "tree";

    @Option(name = "--refresh", description = "Ask every resource now instead of using the cached status")
    boolean refresh;

    @Override
    protected void run(PrintStream out) {
        if (all == (service != null)) {
            throw new IllegalArgumentException("give either a service name or --all");
        }
        boolean json = switch (format) {
            case "tree" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("unknown format '" + format + "': expected tree or json");
        };
        List<String> failures = new ArrayList<>();
        List<String> names = all ? store.list() : List.of(service);
        if (json && all) {
            out.println("{");
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ServiceStatus status;
            try {
                status = actions.status(name, refresh);
            } catch (RuntimeException e) {
                if (!all) {
                    throw e;
                }
                failures.add(name + ": " + e.getMessage());
                continue;
            }
            if (json) {
                String document = StatusJson.write(status).stripTrailing();
                out.print(all ? "\"" + name + "\" : " + document.replace("\n", "\n  ")
                        + (i < names.size() - 1 ? ",\n" : "\n") : document + "\n");
            } else {
                out.print(StatusTree.render(status, colour()));
            }
        }
        if (json && all) {
            out.println("}");
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), failures));
        }
    }

    private boolean colour() {
        if (session != null) {
            String type = session.getTerminal() == null ? null : session.getTerminal().getType();
            return type != null && !type.equals("dumb");
        }
        return System.console() != null;
    }
}
