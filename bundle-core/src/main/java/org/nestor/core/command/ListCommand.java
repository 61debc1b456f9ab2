package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "svc", name = "list", description = "Lists the services of this node, one name a line")
public class ListCommand extends SvcCommandSupport {

    @Override
    protected void run(PrintStream out) {
        store.list().forEach(out::println);
    }
}
