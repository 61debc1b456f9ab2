package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;

@Service
@Command(scope = "svc", name = "restart", description = "Stops then starts a service's resources")
public class RestartCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.RESTART;
    }
}
