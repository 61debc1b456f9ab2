package org.nestor.core.command.pool;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.SvcCommandSupport;
import org.nestor.core.command.completers.PoolNodeCompleter;
import org.nestor.core.pool.Pool;

@Service
@Command(scope = "pool", name = "remove-node", description = "Removes a peer node from this node's pool")
public class RemoveNodeCommand extends SvcCommandSupport {

    @Reference
    Pool pool;

    @Argument(index = 0, name = "node", description = "The peer's node name", required = true)
    @Completion(PoolNodeCompleter.class)
    String name;

    @Override
    protected void run(PrintStream out) {
        pool.remove(name);
        out.println("removed node " + name);
    }
}
