package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "svc", name = "delete", description = "Deletes a service's configuration and data from this node")
public class DeleteCommand extends ServiceCommandSupport {

    @Override
    protected void run(PrintStream out) {
        store.delete(service);
        out.println("deleted service " + service);
    }
}
