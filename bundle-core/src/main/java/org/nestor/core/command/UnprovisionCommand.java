package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;

@Service
@Command(scope = "svc", name = "unprovision", description = "Stops a service's resources, then unprovisions them in stop order; data a resource does not own is kept")
public class UnprovisionCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.UNPROVISION;
    }
}
