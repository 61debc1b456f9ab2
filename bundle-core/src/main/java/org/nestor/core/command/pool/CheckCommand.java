package org.nestor.core.command.pool;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.SvcCommandSupport;

@Service
@Command(scope = "pool", name = "check", description = "Checks every peer: reachable, the node it says, its "
        + "Nestor version and drivers, its bin/nestor too when it has a console, services whose configuration "
        + "differs, replications still pending; fails when something is wrong")
public class CheckCommand extends SvcCommandSupport {

    @Override
    protected void run(PrintStream out) {
        List<String> problems = cluster.check(out::println);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), problems));
        }
    }
}
