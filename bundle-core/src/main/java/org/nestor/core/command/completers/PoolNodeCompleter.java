package org.nestor.core.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;

/** Completes the names of this node's peers. */
@Service
public class PoolNodeCompleter implements Completer {

    @Reference
    Pool pool;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(pool.nodes().stream().map(PoolNode::name).toList())
                .complete(session, commandLine, candidates);
    }
}
