package org.nestor.core.command;

import java.io.PrintStream;


/** Base of freeze and thaw. */
public abstract class FreezeCommandSupport extends ServiceCommandSupport {


    protected abstract boolean frozen();

    @Override
    protected void run(PrintStream out) {
        actions.setFrozen(service, frozen());
        out.println((frozen() ? "froze" : "thawed") + " service " + service);
    }
}
