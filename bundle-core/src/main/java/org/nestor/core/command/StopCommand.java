package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;

@Service
@Command(scope = "svc", name = "stop", description = "Stops a service's resources in reverse order, then starts its standby resources")
public class StopCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.STOP;
    }
}
