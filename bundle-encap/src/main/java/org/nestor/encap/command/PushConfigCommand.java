package org.nestor.encap.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.command.ServiceCommandSupport;
import org.nestor.core.command.completers.GuestNameCompleter;
import org.nestor.encap.internal.ConfigReconciler;

/**
 * {@code svc:push-config}: reconciles a service's configuration between this hypervisor and its
 * running guests now, as every relay does first, and says what moved where.
 */
@Service
@Command(scope = "svc", name = "push-config", description = "Installs the newest configuration of a service on the "
        + "hypervisor and in its running guests (newest wins, nothing merged), and reports what moved")
public class PushConfigCommand extends ServiceCommandSupport {

    @Reference
    ServiceActions actions;

    @Option(name = "--slave", description = "Only these guests, by container name or rid, comma-separated; repeatable",
            multiValued = true)
    @Completion(GuestNameCompleter.class)
    List<String> slaves;

    @Override
    protected void run(PrintStream out) {
        List<String> wanted = slaves == null ? List.of() : slaves.stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).toList();
        List<Guest> guests = new ArrayList<>();
        for (Guest guest : actions.encapsulation(service).guests()) {
            if (wanted.isEmpty() || wanted.contains(guest.name()) || wanted.contains(guest.rid())) {
                guests.add(guest);
            }
        }
        if (guests.isEmpty()) {
            throw new IllegalArgumentException("service " + service + " has no guest"
                    + (wanted.isEmpty() ? "" : " named " + String.join(", ", wanted)));
        }
        List<String> moved = new ArrayList<>();
        new ConfigReconciler(actions, store).reconcileRunning(service, guests, ActionOptions.all(line -> {
            moved.add(line);
            out.println(line);
        }));
        if (moved.isEmpty()) {
            out.println(service + ": the configuration is the same everywhere");
        }
    }
}
