package org.nestor.core.command.pool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.SvcCommandSupport;
import org.nestor.core.internal.pool.ConfigReplication;
import org.nestor.core.internal.pool.LocalNode;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.NodeInfo.ConfigVersion;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolNode;

@Service
@Command(scope = "pool", name = "check", description = "Checks every peer: reachable, the node it says, its "
        + "Nestor version and drivers, its bin/nestor too when it has a console, services whose configuration "
        + "differs, replications still pending; fails when something is wrong")
public class CheckCommand extends SvcCommandSupport {

    @Override
    protected void run(PrintStream out) {
        NodeInfo self = LocalNode.describe(node, keywords, store, List.of(), null);
        List<String> problems = new ArrayList<>();
        List<PoolNode> peers = pool.nodes();
        Map<PoolNode, Reply<NodeInfo>> answers = pool.each(peers, peer -> pool.info(peer, List.of()));
        List<PoolNode> consoles = peers.stream().filter(peer -> peer.console() != null).toList();
        Map<PoolNode, Reply<NodeInfo>> agents = pool.each(consoles, peer -> pool.info(peer.withoutConsole(),
                List.of()));
        answers.forEach((peer, reply) -> {
            if (!reply.ok()) {
                problems.add(reply.failure().getMessage());
                return;
            }
            NodeInfo info = reply.value();
            out.println("ok " + peer.describe() + ": Nestor " + info.version());
            Reply<NodeInfo> agent = agents.get(peer);
            if (agent != null && !agent.ok()) {
                out.println("  note: " + peer.name() + "'s bin/nestor, used while its console cannot be reached, does "
                        + "not answer: " + agent.failure().getMessage());
            }
            if (!info.version().equals(self.version())) {
                out.println("  note: " + peer.name() + " runs Nestor " + info.version() + ", this node "
                        + self.version());
            }
            List<String> missing = self.drivers().stream().filter(d -> !info.drivers().contains(d)).toList();
            if (!missing.isEmpty()) {
                out.println("  note: " + peer.name() + " lacks drivers " + String.join(" ", missing));
            }
            self.services().forEach((service, mine) -> {
                ConfigVersion theirs = info.services().get(service);
                if (theirs != null && !theirs.checksum().equals(mine.checksum())) {
                    problems.add(service + ": the configuration differs on " + peer.name() + " (svc sync-config "
                            + service + ")");
                }
            });
        });
        ConfigReplication replication = new ConfigReplication(pool, store, keywords, node, actions);
        for (String service : store.list()) {
            List<String> pending = replication.pending(service);
            if (!pending.isEmpty()) {
                problems.add(service + ": replication pending to " + String.join(", ", pending)
                        + " (svc sync-config " + service + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), problems));
        }
        out.println("pool of " + node.name() + ": " + answers.size() + " peers, all in order");
    }
}
