package org.nestor.core.command.pool;

import java.io.PrintStream;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.SvcCommandSupport;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;

@Service
@Command(scope = "pool", name = "add-node",
        description = "Adds a peer node (or updates it) once its agent, or its Karaf console when given, "
                + "answers over SSH as that node")
public class AddNodeCommand extends SvcCommandSupport {

    @Reference
    Pool pool;

    @Argument(index = 0, name = "node", description = "The peer's node name (as its node.cfg says)", required = true)
    String name;

    @Option(name = "--host", description = "Address or name of the peer's sshd", required = true)
    String host;

    @Option(name = "--port", description = "Port of the peer's sshd (default 22)")
    int port = 22;

    @Option(name = "--user", description = "User the commands run as (default root)")
    String user = "root";

    @Option(name = "--key", description = "Private key file that logs in", required = true)
    @Completion(FileCompleter.class)
    String key;

    @Option(name = "--agent", description = "The peer's bin/nestor (default: the same path as this node's)")
    String agent;

    @Option(name = "--console-port", description = "Port of the peer's Karaf console (its sshPort): commands go "
            + "there, a running JVM, and to bin/nestor over the sshd when the console cannot be reached")
    int consolePort;

    @Option(name = "--console-user", description = "Karaf user of the console, in the admin group (default karaf)")
    String consoleUser = "karaf";

    @Option(name = "--console-key", description = "Private key of the Karaf user, in the peer's etc/keys.properties "
            + "(default --key; Karaf takes RSA and EC keys, not ed25519)")
    @Completion(FileCompleter.class)
    String consoleKey;

    @Option(name = "--accept-host-key", description = "Take the host key the peer presents into "
            + "etc/nestor/known_hosts (check it first: ssh-keyscan); without it an unknown key is refused")
    boolean acceptHostKey;

    /** This node's own agent: the default place of a peer's. */
    static String localAgent() {
        return Path.of(System.getProperty("karaf.home", System.getenv().getOrDefault("NESTOR_HOME", ".")))
                .toAbsolutePath().normalize().resolve("bin/nestor").toString();
    }

    @Override
    protected void run(PrintStream out) {
        Path login = Path.of(key).toAbsolutePath().normalize();
        PoolNode peer = new PoolNode(name, host, port, user, login, agent == null ? localAgent() : agent,
                consolePort == 0 ? null : new PoolNode.Console(consolePort, consoleUser,
                        consoleKey == null ? login : Path.of(consoleKey).toAbsolutePath().normalize()));
        NodeInfo info = pool.add(peer, acceptHostKey);
        out.println("added node " + peer.describe() + ": Nestor " + info.version() + ", "
                + info.services().size() + " services, drivers " + String.join(" ", info.drivers()));
    }
}
