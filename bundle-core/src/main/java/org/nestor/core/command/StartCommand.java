package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.internal.pool.FailoverGuard;

@Service
@Command(scope = "svc", name = "start", description = "Starts a service's resources in group and dependency order; "
        + "a failed start rolls back; a failover service running on a peer is not started")
public class StartCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.START;
    }

    @Override
    protected void run(PrintStream out) {
        if (!dryRun) {
            new FailoverGuard(pool, actions, store, keywords, node).check(service, force);
        }
        super.run(out);
    }
}
