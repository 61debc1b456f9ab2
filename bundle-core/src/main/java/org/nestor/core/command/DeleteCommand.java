package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.ServiceNameCompleter;

@Service
@Command(scope = "svc", name = "delete", description = "Deletes a service's configuration and data from this node")
public class DeleteCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "service", description = "Service to delete", required = true)
    @Completion(ServiceNameCompleter.class)
    String service;

    @Override
    protected void run(PrintStream out) {
        store.delete(service);
        out.println("deleted service " + service);
    }
}
