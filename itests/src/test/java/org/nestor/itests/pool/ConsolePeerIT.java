package org.nestor.itests.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes.Result;

/**
 * A peer reached through its Karaf console: two nodes on loopback, c2 running its Karaf. Node c1
 * adds c2 with the console and a bin/nestor path that does not exist, so that everything c2 does
 * for c1 can only have run in its console; then with its real bin/nestor, which stands in once
 * the console is down.
 */
class ConsolePeerIT {

    private static PoolNodes nodes;
    private static int console;
    private static Path flags;

    @BeforeAll
    static void nodes() throws IOException {
        assumeTrue(PoolNodes.available(), "needs root and openssh-server");
        nodes = PoolNodes.create("c1", "c2");
        console = nodes.startConsole("c2");
        flags = Files.createDirectories(nodes.work().resolve("flags"));
    }

    @AfterAll
    static void close() throws IOException {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** {@code pool add-node c2} on c1 with c2's console. */
    private static Result addWithConsole(String agent, Path consoleKey) throws IOException {
        return nodes.nestor("c1", "pool", "add-node", "c2", "--host", "127.0.0.1", "--port",
                Files.readString(nodes.work().resolve("ssh-c2/port")).strip(), "--key",
                nodes.work().resolve("ssh-c2/client").toString(), "--agent", agent, "--console-port",
                Integer.toString(console), "--console-key", consoleKey.toString(), "--accept-host-key");
    }

    @Test
    void commandsRunInThePeersConsoleAndItsAgentStandsInWhenTheConsoleIsDown() throws IOException {
        Path pool = nodes.home("c1").resolve("etc/nestor/pool.json");
        String before = Files.readString(pool);
        // Karaf takes no ed25519 key: refused, nothing stored
        Result refused = addWithConsole("/nonexistent/bin/nestor", nodes.work().resolve("ssh-c2/client"));
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("node c2 unreachable: karaf@127.0.0.1:" + console), refused.output());
        assertEquals(before, Files.readString(pool));

        addWithConsole("/nonexistent/bin/nestor", nodes.consoleKey("c2")).check("add c2 with its console");
        assertTrue(Files.readString(pool).contains("\"console\""), Files.readString(pool));
        String check = nodes.nestor("c1", "pool", "check").check("check").output();
        assertTrue(check.contains("ok c2 (root@127.0.0.1:") && check.contains(", console karaf@127.0.0.1:" + console)
                && check.contains("c2's bin/nestor, used while its console cannot be reached, does not answer")
                && check.contains("no agent /nonexistent/bin/nestor there"), check);

        // replication, the failover guard, cluster view, switch and merged logs through the console
        String flag = flags + "/{nodename}.web";
        Path config = Files.writeString(nodes.work().resolve("web.conf"), "[DEFAULT]\nnodes = c1 c2\n\n[app#1]\n"
                + "start = /usr/bin/touch " + flag + "\nstop = /bin/rm -f " + flag + "\ncheck = /usr/bin/test -e "
                + flag + "\n");
        String created = nodes.nestor("c1", "svc", "create", "web", "--config", config.toString()).check("create")
                .output();
        assertTrue(created.contains("pushed the configuration to c2 (it had none)"), created);
        assertEquals(Files.readString(nodes.service("c1", "web")), Files.readString(nodes.service("c2", "web")));
        assertEquals(Files.getLastModifiedTime(nodes.service("c1", "web")).to(TimeUnit.SECONDS),
                Files.getLastModifiedTime(nodes.service("c2", "web")).to(TimeUnit.SECONDS));
        nodes.nestor("c1", "svc", "start", "web").check("start on c1");
        String mon = nodes.nestor("c1", "svc", "mon", "web").check("mon").output();
        assertTrue(mon.matches("(?s)SERVICE +STATE +TOPOLOGY +c1 +c2\nweb +up +failover +O\\^ +X\n"), mon);
        String switched = nodes.nestor("c1", "svc", "switch", "web", "--to", "c2").check("switch").output();
        assertTrue(Files.exists(flags.resolve("c2.web")) && !Files.exists(flags.resolve("c1.web")), switched);
        assertTrue(switched.contains("c2.web INFO start done"), switched);
        Result second = nodes.nestor("c1", "svc", "start", "web");
        assertTrue(second.exit() == 1 && second.output().contains("web is up on c2"), second.output());
        String logs = nodes.nestor("c1", "svc", "logs", "web").check("logs").output();
        assertTrue(logs.indexOf("c1.web INFO stop done") < logs.indexOf("c2.web INFO start done"), logs);

        // with its real bin/nestor, which answers while the console is down
        addWithConsole(nodes.home("c2").resolve("bin/nestor").toString(), nodes.consoleKey("c2"))
                .check("add c2 with its console and its bin/nestor");
        nodes.stopConsole("c2");
        String set = nodes.nestor("c1", "svc", "set", "web", "--kw", "env.edit=1").check("set").output();
        assertTrue(set.contains("pushed the configuration to c2"), set);
        assertTrue(Files.readString(nodes.service("c2", "web")).contains("edit = 1"));
        nodes.nestor("c1", "svc", "switch", "web", "--to", "c1").check("switch back through bin/nestor");
        assertTrue(Files.exists(flags.resolve("c1.web")) && !Files.exists(flags.resolve("c2.web")));
        assertFalse(nodes.nestor("c1", "pool", "check").check("check").output().contains("note: c2"));
        nodes.nestor("c1", "svc", "stop", "web").check("stop");
    }
}
