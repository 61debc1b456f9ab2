package org.nestor.core.command.completers;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.store.ServiceStore;

/**
 * Completes {@code --slave}: the container names and rids of the service named on the line, or of
 * every service while none is named yet (the console takes options before the service).
 */
@Service
public class GuestNameCompleter implements Completer {

    @Reference
    ServiceStore store;

    @Reference
    ServiceActions actions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(guests(store, actions, commandLine)).complete(session, commandLine, candidates);
    }

    /** The container names and rids of the services on the line (of all while none is named). */
    static TreeSet<String> guests(ServiceStore store, ServiceActions actions, CommandLine commandLine) {
        TreeSet<String> guests = new TreeSet<>();
        for (String service : ServiceNameCompleter.servicesOnTheLine(store, commandLine)) {
            try {
                for (Guest guest : actions.encapsulation(service).guests()) {
                    guests.add(guest.name());
                    guests.add(guest.rid());
                }
            } catch (RuntimeException e) {
                // a service that does not evaluate offers no guests
            }
        }
        return guests;
    }
}
