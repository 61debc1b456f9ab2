package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;

@Service
@Command(scope = "svc", name = "start", description = "Starts a service's resources in group and dependency order; "
        + "a failed start rolls back; a failover service running on a peer is not started")
public class StartCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.START;
    }
}
