package org.nestor.core.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.GuestNameCompleter;

/**
 * {@code svc:push-config}: reconciles a service's configuration between this hypervisor and its
 * running guests now, as every relay does first, and says what moved where (needs nestor-encap).
 * A guest's copy refused for changing the hypervisor view fails it; {@code --force} replaces it.
 */
@Service
@Command(scope = "svc", name = "push-config", description = "Installs the newest configuration of a service here and "
        + "in its running guests (newest wins, nothing merged), and reports what moved")
public class PushConfigCommand extends ServiceCommandSupport {


    @Option(name = "--slave", description = "Only these guests, by container name or rid, comma-separated; repeatable",
            multiValued = true)
    @Completion(GuestNameCompleter.class)
    List<String> slaves;

    @Option(name = "--force", description = "Replace the guests' copies that differ with this node's, whatever their "
            + "time, also one refused for changing the hypervisor view")
    boolean force;

    @Override
    protected void run(PrintStream out) {
        if (!actions.pushConfig(service, ActionCommandSupport.words(slaves), force, out::println)) {
            out.println(service + ": the configuration is the same everywhere");
        }
    }
}
