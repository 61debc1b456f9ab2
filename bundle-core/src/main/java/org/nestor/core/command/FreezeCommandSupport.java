package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.nestor.core.action.ServiceActions;

/** Base of freeze and thaw. */
public abstract class FreezeCommandSupport extends ServiceCommandSupport {

    @Reference
    protected ServiceActions actions;

    protected abstract boolean frozen();

    @Override
    protected void run(PrintStream out) {
        actions.setFrozen(service, frozen());
        out.println((frozen() ? "froze" : "thawed") + " service " + service);
    }
}
