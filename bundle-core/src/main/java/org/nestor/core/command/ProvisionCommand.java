package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;

@Service
@Command(scope = "svc", name = "provision", description = "Provisions a service's resources in start order (a "
        + "container's rootfs, a filesystem...), starting each for the next; provisioned ones are only started")
public class ProvisionCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.PROVISION;
    }
}
