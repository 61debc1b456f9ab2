package org.nestor.core.command.completers;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.store.ServiceStore;

/** Completes {@code svc:switch --to}: the pool's nodes and the guests of the service on the line. */
@Service
public class SwitchTargetCompleter implements Completer {

    @Reference
    Pool pool;

    @Reference
    ServiceStore store;

    @Reference
    ServiceActions actions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> targets = GuestNameCompleter.guests(store, actions, commandLine);
        pool.nodes().stream().map(PoolNode::name).forEach(targets::add);
        return new StringsCompleter(targets).complete(session, commandLine, candidates);
    }
}
