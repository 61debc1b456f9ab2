package org.nestor.core.command.pool;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.SvcCommandSupport;
import org.nestor.core.command.TextTable;
import org.nestor.core.pool.Cluster.Answer;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool.Reply;
import org.nestor.core.pool.PoolNode;

@Service
@Command(scope = "pool", name = "list", description = "Lists this node and its peers: reachable or not, latency, "
        + "Nestor version, services, drivers (peers asked in parallel)")
public class ListCommand extends SvcCommandSupport {

    @Override
    protected void run(PrintStream out) {
        TextTable table = new TextTable("NODE", "ADDRESS", "STATE", "LATENCY", "VERSION", "SERVICES", "DRIVERS");
        NodeInfo self = cluster.describe(List.of(), false);
        table.row(self.node(), "-", "this node", "-", self.version(), Integer.toString(self.services().size()),
                String.join(" ", self.drivers()));
        Map<PoolNode, Reply<Answer>> answers = cluster.members();
        answers.forEach((peer, reply) -> {
            String address = peer.address();
            if (reply.ok()) {
                NodeInfo info = reply.value().info();
                table.row(peer.name(), address, "up", reply.value().millis() + " ms", info.version(),
                        Integer.toString(info.services().size()), String.join(" ", info.drivers()));
            } else {
                table.row(peer.name(), address, "unreachable", "-", "-", "-", "-");
            }
        });
        table.print(out);
        answers.forEach((peer, reply) -> {
            if (!reply.ok()) {
                out.println(peer.name() + ": " + reply.failure().getMessage());
            }
        });
    }
}
