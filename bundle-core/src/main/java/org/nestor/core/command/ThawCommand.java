package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "svc", name = "thaw", description = "Thaws a frozen service")
public class ThawCommand extends FreezeCommandSupport {

    @Override
    protected boolean frozen() {
        return false;
    }
}
