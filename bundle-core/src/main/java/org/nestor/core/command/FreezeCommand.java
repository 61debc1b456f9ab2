package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "svc", name = "freeze", description = "Freezes a service: orchestrated actions are refused until thaw")
public class FreezeCommand extends FreezeCommandSupport {

    @Override
    protected boolean frozen() {
        return true;
    }
}
