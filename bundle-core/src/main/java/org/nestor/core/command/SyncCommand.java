package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceAction;

@Service
@Command(scope = "svc", name = "sync", description = "Replicates the data of a service's sync resources (rsync, "
        + "btrfs send/receive) to their target nodes")
public class SyncCommand extends ActionCommandSupport {

    @Override
    protected ServiceAction action() {
        return ServiceAction.SYNC;
    }
}
