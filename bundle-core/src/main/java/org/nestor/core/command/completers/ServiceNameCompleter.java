package org.nestor.core.command.completers;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.store.ServiceStore;

/** Completes the names of the services stored on this node. */
@Service
public class ServiceNameCompleter implements Completer {

    @Reference
    ServiceStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(store.list()).complete(session, commandLine, candidates);
    }

    /**
     * The services named on the command line, or every stored one while none is named yet (the
     * console takes options before the service name): what option completers complete from.
     */
    static List<String> servicesOnTheLine(ServiceStore store, CommandLine commandLine) {
        List<String> services = store.list();
        List<String> named = Arrays.stream(commandLine.getArguments()).filter(services::contains).toList();
        return named.isEmpty() ? services : named;
    }
}
