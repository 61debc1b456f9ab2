package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.SwitchTargetCompleter;

@Service
@Command(scope = "svc", name = "switch", description = "Relocates a service: stops it where it runs (guests first), "
        + "starts it on the target node, then prints both action logs merged in time order; to a guest: moves its "
        + "encapsulated resources there from the guests that run them")
public class SwitchCommand extends ServiceCommandSupport {

    @Option(name = "--to", description = "The node to run the service on (one of its nodes), or the guest to run "
            + "its encapsulated resources in (container name or rid)", required = true)
    @Completion(SwitchTargetCompleter.class)
    String target;

    @Override
    protected void run(PrintStream out) {
        cluster.relocate(service, target, out::println);
    }
}
