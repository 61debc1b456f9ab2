package org.nestor.itests.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;
import org.nestor.itests.Processes.Result;
import org.nestor.itests.guest.Guests;

/**
 * Three Nestor nodes on loopback, real SSH between them (one sshd per node): pool administration,
 * configuration replication with a node down and back, concurrent edits, cluster view, switch of
 * a service and a switch whose target dies in the middle.
 */
class PoolIT {

    private static PoolNodes nodes;
    private static Path flags;

    @BeforeAll
    static void nodes() throws IOException {
        assumeTrue(PoolNodes.available(), "needs root and openssh-server");
        nodes = PoolNodes.create("n1", "n2", "n3");
        flags = Files.createDirectories(nodes.work().resolve("flags"));
    }

    @AfterAll
    static void close() throws IOException {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** A failover app service on the three nodes, whose app marks FLAGS/<node>.<svc> while up. */
    private static Path config(String service, String start) throws IOException {
        String flag = flags + "/{nodename}." + service;
        return Files.writeString(nodes.work().resolve(service + ".conf"), "[DEFAULT]\nnodes = n1 n2 n3\n\n[app#1]\n"
                + "start = /bin/sh -c \"" + start + "touch " + flag + "\"\nstop = /bin/rm -f " + flag
                + "\ncheck = /usr/bin/test -e " + flag + "\n");
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file);
    }

    @Test
    void addAndRemoveNodesWithHostKeysChecked() throws IOException {
        Path pool = nodes.home("n1").resolve("etc/nestor/pool.json");
        Path knownHosts = nodes.home("n1").resolve("etc/nestor/known_hosts");
        nodes.nestor("n1", "pool", "remove-node", "n3").check("remove n3");
        assertFalse(text(pool).contains("\"n3\""), text(pool));
        String before = text(knownHosts);
        String n3Key = "]:" + port("n3") + " ";
        // its key is known from the first add: drop it, and an add without --accept-host-key is refused
        Files.writeString(knownHosts, before.lines().filter(l -> !l.contains(n3Key))
                .reduce("", (a, b) -> a + b + "\n"));
        Result refused = nodes.addNode("n1", "n3", false);
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("host key of 127.0.0.1:" + port("n3") + " refused"), refused.output());
        assertFalse(text(pool).contains("\"n3\""), "nothing stored: " + text(pool));
        // a peer that says it is another node is refused
        Result other = nodes.nestor("n1", "pool", "add-node", "nx", "--host", "127.0.0.1", "--port", port("n3"),
                "--key", nodes.work().resolve("ssh-n3/client").toString(), "--agent",
                nodes.home("n3").resolve("bin/nestor").toString(), "--accept-host-key");
        assertEquals(1, other.exit(), other.output());
        assertTrue(other.output().contains("is node 'n3', not 'nx'"), other.output());
        assertFalse(text(pool).contains("\"nx\""), text(pool));
        // a changed host key is refused even with --accept-host-key, known_hosts untouched
        String forged = text(knownHosts).replaceAll("(\\[127\\.0\\.0\\.1\\]:" + port("n3")
                + " ssh-ed25519 )\\S+", "$1AAAAC3NzaC1lZDI1NTE5AAAAIBkJ5m0bVWkS7K7ZyzT0l0CnTn3W8Tw2iYyaXH6YoUWq");
        Files.writeString(knownHosts, forged);
        Result changed = nodes.addNode("n1", "n3", true);
        assertEquals(1, changed.exit(), changed.output());
        assertTrue(changed.output().contains("holds another key for [127.0.0.1]:" + port("n3")), changed.output());
        assertEquals(forged, text(knownHosts));
        Files.writeString(knownHosts, text(knownHosts).lines().filter(l -> !l.contains(n3Key))
                .reduce("", (a, b) -> a + b + "\n"));
        nodes.addNode("n1", "n3", true).check("add n3 again");
        Result removeUnknown = nodes.nestor("n1", "pool", "remove-node", "n9");
        assertTrue(removeUnknown.exit() == 1 && removeUnknown.output().contains("no node 'n9' in the pool (its nodes: "
                + "n2, n3)"), removeUnknown.output());

        String list = nodes.nestor("n1", "pool", "list").check("list").output();
        assertTrue(list.matches("(?s).*n1 +- +this node .*n2 +root@127\\.0\\.0\\.1:\\d+ +up +\\d+ ms +\\S+ +\\d+ .*"
                + "app\\.forking.*n3 +root@.* up .*"), list);
        nodes.down("n3");
        try {
            Result check = nodes.nestor("n1", "pool", "check");
            assertEquals(1, check.exit(), check.output());
            assertTrue(check.output().contains("ok n2 (root@127.0.0.1:") && check.output()
                    .contains("node n3 unreachable"), check.output());
            assertTrue(nodes.nestor("n1", "pool", "list").output().matches("(?s).*n3 +root@\\S+ +unreachable .*"));
        } finally {
            nodes.up("n3");
        }
        nodes.nestor("n1", "pool", "check").check("check with every node back");
    }

    private static String port(String node) throws IOException {
        return Files.readString(nodes.work().resolve("ssh-" + node + "/port")).strip();
    }

    @Test
    void replicationReachesANodeThatWasDownOnceItIsBack() throws IOException {
        nodes.down("n3");
        Result created;
        try {
            created = nodes.nestor("n1", "svc", "create", "repl", "--config", config("repl", "").toString());
            created.check("create with n3 down");
            assertTrue(created.output().contains("pushed the configuration to n2 (it had none)") && created.output()
                    .contains("not replicated to n3, tried again at the next sync: node n3 unreachable"),
                    created.output());
            assertTrue(Files.exists(nodes.service("n2", "repl")));
            assertFalse(Files.exists(nodes.service("n3", "repl")));
            Result check = nodes.nestor("n1", "pool", "check");
            assertTrue(check.exit() == 1 && check.output().contains("repl: replication pending to n3"), check.output());
        } finally {
            nodes.up("n3");
        }
        String synced = nodes.nestor("n1", "svc", "sync-config").check("sync-config").output();
        assertTrue(synced.contains("n1.repl INFO pushed the configuration to n3 (it had none)"), synced);
        assertEquals(text(nodes.service("n1", "repl")), text(nodes.service("n3", "repl")));
        assertEquals(Files.getLastModifiedTime(nodes.service("n1", "repl")).to(TimeUnit.SECONDS),
                Files.getLastModifiedTime(nodes.service("n3", "repl")).to(TimeUnit.SECONDS),
                "installed with the edit's own time");
        nodes.nestor("n1", "pool", "check").check("nothing pending");
        // a peer that has it already is left alone
        assertFalse(nodes.nestor("n2", "svc", "sync-config", "repl").check("sync").output().contains("pushed"));
    }

    @Test
    void concurrentEditsTheNewestWinsAndTheOtherIsReported() throws Exception {
        nodes.nestor("n1", "svc", "create", "edits", "--config", config("edits", "").toString()).check("create");
        nodes.down("n3");
        try {
            nodes.nestor("n1", "svc", "set", "edits", "--kw", "env.edited_on=n1").check("edit on n1");
        } finally {
            nodes.up("n3");
        }
        Thread.sleep(1100);
        nodes.down("n1");
        nodes.down("n2");
        try {
            String later = nodes.nestor("n3", "svc", "set", "edits", "--kw", "env.edited_on=n3").check("edit on n3")
                    .output();
            assertTrue(later.contains("not replicated to n1") && later.contains("not replicated to n2"), later);
        } finally {
            nodes.up("n1");
            nodes.up("n2");
        }
        String synced = nodes.nestor("n1", "svc", "sync-config", "edits").check("sync").output();
        assertTrue(synced.contains("WARN this node's edit of") && synced.contains("is overwritten by the newer one of n3"),
                synced);
        assertTrue(synced.contains("pushed the configuration to n2"), synced);
        for (String node : List.of("n1", "n2", "n3")) {
            String text = text(nodes.service(node, "edits"));
            assertTrue(text.contains("edited_on = n3") && !text.contains("edited_on = n1"), node + ": " + text);
        }
    }

    @Test
    void switchMovesTheServiceAndMergesBothLogs() throws IOException {
        nodes.nestor("n1", "svc", "create", "web", "--config", config("web", "").toString()).check("create");
        nodes.nestor("n1", "svc", "start", "web").check("start on n1");
        Result second = nodes.nestor("n2", "svc", "start", "web");
        assertEquals(1, second.exit(), second.output());
        assertTrue(second.output().contains("web is up on n1: a failover service runs one instance"), second.output());
        assertFalse(Files.exists(flags.resolve("n2.web")));

        String mon = nodes.nestor("n3", "svc", "mon", "web").check("mon").output();
        assertTrue(mon.matches("(?s)SERVICE +STATE +TOPOLOGY +n3 +n1 +n2\nweb +up +failover +X +O\\^ +X\n"), mon);

        Result outside = nodes.nestor("n1", "svc", "switch", "web", "--to", "n9");
        assertTrue(outside.exit() == 1 && outside.output().contains("not one of its nodes (n1 n2 n3)"),
                outside.output());
        nodes.down("n2");
        try {
            Result unreachable = nodes.nestor("n1", "svc", "switch", "web", "--to", "n2");
            assertTrue(unreachable.exit() == 1 && unreachable.output().contains("n2 cannot be asked")
                    && unreachable.output().contains("nothing was stopped"), unreachable.output());
            assertTrue(Files.exists(flags.resolve("n1.web")), "still up on n1");
        } finally {
            nodes.up("n2");
        }

        String switched = nodes.nestor("n3", "svc", "switch", "web", "--to", "n2").check("switch").output();
        assertTrue(Files.exists(flags.resolve("n2.web")) && !Files.exists(flags.resolve("n1.web")), switched);
        int stop = switched.indexOf("n1.web INFO stop done");
        int start = switched.indexOf("n2.web INFO start done");
        assertTrue(stop > 0 && start > stop && switched.indexOf("action logs of web since") < stop, switched);
        String logs = nodes.nestor("n1", "svc", "logs", "web").check("logs").output();
        assertTrue(logs.indexOf("n1.web INFO start done") < logs.indexOf("n1.web INFO stop done")
                && logs.indexOf("n1.web INFO stop done") < logs.indexOf("n2.web INFO start done"), logs);
        assertFalse(nodes.nestor("n1", "svc", "logs", "web", "--local").output().contains("n2.web"));
        nodes.nestor("n2", "svc", "stop", "web").check("stop");
    }

    @Test
    void aTargetDyingDuringTheSwitchIsNotFollowedByASecondStart() throws Exception {
        nodes.nestor("n1", "svc", "create", "dying", "--config", config("dying", "sleep 30; ").toString())
                .check("create");
        // start on n1 without the sleep: the app's flag shows where it runs
        Files.writeString(flags.resolve("n1.dying"), "");
        nodes.nestor("n1", "svc", "print-status", "--refresh", "dying").check("status");
        Thread killer = new Thread(() -> {
            try {
                // once n2 runs the app's start (not its check, "test -e" of the same flag), the node dies
                String starting = "touch " + flags + "/n2\\.dying";
                for (int i = 0; i < 600 && Processes.run(List.of("pgrep", "-f", starting), null, 30).exit() != 0; i++) {
                    Thread.sleep(100);
                }
                nodes.down("n2");
                // its agent and the start it runs go with it
                Processes.run(List.of("pkill", "-KILL", "-f", nodes.home("n2") + "/|" + flags + "/n2\\."), null, 30);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        Result switched;
        try {
            switched = nodes.nestor("n1", "svc", "switch", "dying", "--to", "n2");
        } finally {
            killer.join();
        }
        assertEquals(1, switched.exit(), switched.output());
        assertTrue(switched.output().contains("switch of dying failed: stopped on n1, its start on n2 failed")
                && switched.output().contains("It was not started again elsewhere"), switched.output());
        assertFalse(Files.exists(flags.resolve("n1.dying")), "not restarted on n1");
        assertFalse(Files.exists(flags.resolve("n2.dying")), "the start died with n2");
        nodes.up("n2");
        String mon = nodes.nestor("n1", "svc", "mon", "dying").check("mon").output();
        assertTrue(mon.matches("(?s).*dying +down +failover +X\\^ +X +X\n"), mon);
    }

    @Test
    void switchCarriesItsLxcGuestAlong() throws Exception {
        assumeTrue(Guests.available(), "real LXC needs root and the lxc tools");
        String guest = "pg" + UUID.randomUUID().toString().substring(0, 8);
        try (Guests guests = Guests.create()) {
            guests.make(guest);
            // the container lives on storage both hypervisors see (here: the same directory)
            Path config = Files.writeString(nodes.work().resolve("vm.conf"), "[DEFAULT]\nnodes = n1 n2\nencapnodes = "
                    + guest + "\n\n[container#1]\ntype = lxc\nname = " + guest + "\ncontainer_data_dir = "
                    + guests.lxcPath() + "\nstop_timeout = 10s\n\n[app#1]\nencap = true\n"
                    + "start = /bin/touch /tmp/app.up\nstop = /bin/rm -f /tmp/app.up\ncheck = /bin/test -e /tmp/app.up\n");
            nodes.nestor("n1", "svc", "create", "vm", "--config", config.toString()).check("create");
            try {
                nodes.nestor("n1", "svc", "start", "vm").check("start on n1");
                String switched = nodes.nestor("n1", "svc", "switch", "vm", "--to", "n2").check("switch").output();
                // stop on n1: the guest first, then its container; start on n2: the container, then the guest
                String relay = " INFO relay to " + guest + ": " + Guests.GUEST_NESTOR;
                int guestStop = switched.indexOf("n1.vm.container#1" + relay + " svc stop vm");
                int containerStop = switched.indexOf("n1.vm.container#1 INFO stopped");
                int containerStart = switched.indexOf("n2.vm.container#1 INFO started");
                int guestStart = switched.indexOf("n2.vm.container#1" + relay + " svc start vm");
                assertTrue(guestStop > 0 && containerStop > guestStop && containerStart > containerStop
                        && guestStart > containerStart, switched);
                assertTrue(guests.attach(guest, null, "/bin/test", "-e", "/tmp/app.up").exit() == 0,
                        "the app runs again in the guest");
                String tree = nodes.nestor("n2", "svc", "print-status", "--refresh", "vm").check("status").output();
                assertTrue(tree.matches("(?s)vm +up\\n.*`- container#1 +\\.+ +up .*\\n +`- app#1 +\\.{4}E\\.{3} +up .*"),
                        tree);
                String mon = nodes.nestor("n1", "svc", "mon", "vm").check("mon").output();
                assertTrue(mon.matches("(?s).*vm +up +failover +X\\^ +O +- *\n"), mon);
            } finally {
                nodes.nestor("n2", "svc", "stop", "vm");
                nodes.nestor("n1", "svc", "stop", "vm");
            }
        }
    }
}
