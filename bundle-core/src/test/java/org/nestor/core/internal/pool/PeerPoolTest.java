package org.nestor.core.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.sync.ConfigVersion;

/** The pool file and the refusals that happen before any peer is contacted (PoolIT has the peers). */
class PeerPoolTest {

    @TempDir
    Path base;

    private PeerPool pool;
    private Path file;
    private Path key;

    @BeforeEach
    void pool() throws IOException {
        NestorPaths paths = new NestorPaths(base);
        Files.createDirectories(paths.config());
        Files.writeString(paths.nodeConfig(), "name = n1\n");
        pool = PeerPool.standalone(paths, new FileNodeIdentity(paths, Map.of()).name(), new JschSessions());
        file = paths.config().resolve("pool.json");
        key = Files.writeString(base.resolve("key"), "not a key\n");
    }

    private PoolNode peer(String name) {
        return new PoolNode(name, "127.0.0.1", 22, "root", key, "/opt/nestor/bin/nestor");
    }

    @Test
    void anEmptyPoolHasNoNodesAndNamesThemInErrors() {
        assertEquals(List.of(), pool.nodes());
        PoolException unknown = assertThrows(PoolException.class, () -> pool.node("n2"));
        assertEquals("no node 'n2' in the pool (it has none; pool add-node adds one)", unknown.getMessage());
        assertThrows(PoolException.class, () -> pool.remove("n2"));
    }

    @Test
    void thePoolFileIsReadBackAsWritten() throws IOException {
        List<PoolNode> nodes = List.of(peer("n2"),
                new PoolNode("n3", "10.0.0.3", 2222, "nestor", key, "/srv/bin/nestor",
                        new PoolNode.Console(8101, "karaf", key)));
        Files.writeString(file, PoolFile.toJson(nodes));
        assertEquals(nodes, pool.nodes());
        assertEquals(nodes.get(1), pool.node("n3"));
        PoolException unknown = assertThrows(PoolException.class, () -> pool.node("n9"));
        assertEquals("no node 'n9' in the pool (its nodes: n2, n3)", unknown.getMessage());
    }

    @Test
    void aBadPoolFileIsAnErrorNamingItAndTheEntry() throws IOException {
        for (Map.Entry<String, String> bad : Map.of(
                "{\"nodes\": [", "not JSON",
                "[]", "expected {\"nodes\": [...]}",
                "{\"nodes\": [1]}", "nodes[0] is not an object",
                "{\"nodes\": [{\"name\": \"n2\", \"port\": 22, \"user\": \"root\", \"key\": \"/k\", "
                        + "\"agent\": \"/a\"}]}",
                "nodes[0]: 'host' missing or not a string",
                "{\"nodes\": [{\"name\": \"n2\", \"host\": \"h\", \"port\": 70000, \"user\": \"root\", "
                        + "\"key\": \"/k\", "
                        + "\"agent\": \"/a\"}]}", "nodes[0]: 'port' missing or not a port number",
                "{\"nodes\": [{\"name\": \"n2\", \"host\": \"h\", \"port\": 22, \"user\": \"root\", \"key\": \"/k\", "
                        + "\"agent\": \"/a\", \"console\": 8101}]}", "nodes[0]: 'console' is not an object",
                "{\"nodes\": [{\"name\": \"n2\", \"host\": \"h\", \"port\": 22, \"user\": \"root\", \"key\": \"/k\", "
                        + "\"agent\": \"/a\", \"console\": {\"port\": 8101, \"key\": \"/k\"}}]}",
                "nodes[0].console: 'user' missing or not a string").entrySet()) {
            Files.writeString(file, bad.getKey());
            PoolException error = assertThrows(PoolException.class, pool::nodes, bad.getKey());
            assertTrue(error.getMessage().startsWith(file + ": " + bad.getValue()), error.getMessage());
        }
    }

    @Test
    void refusedAdditionsLeaveThePoolFileAlone() throws IOException {
        Files.writeString(file, PoolFile.toJson(List.of(peer("n2"))));
        String before = Files.readString(file);
        assertEquals("bad node name 'n 3': letters, digits, '.', '_', '-'",
                assertThrows(PoolException.class, () -> pool.add(peer("n 3"), false)).getMessage());
        assertEquals("'n1' is this node", assertThrows(PoolException.class, () -> pool.add(peer("n1"), false))
                .getMessage());
        PoolNode keyless = new PoolNode("n3", "127.0.0.1", 22, "root", base.resolve("absent"), "/a");
        assertEquals("--key " + base.resolve("absent") + ": no such readable file",
                assertThrows(PoolException.class, () -> pool.add(keyless, false)).getMessage());
        PoolNode consoleKeyless = new PoolNode("n3", "127.0.0.1", 22, "root", key, "/a",
                new PoolNode.Console(8101, "karaf", base.resolve("absent")));
        assertEquals("--console-key " + base.resolve("absent") + ": no such readable file",
                assertThrows(PoolException.class, () -> pool.add(consoleKeyless, false)).getMessage());
        PoolException noKnownHosts = assertThrows(PoolException.class, () -> pool.add(peer("n3"), false));
        assertTrue(noKnownHosts.getMessage().startsWith("node n3 unreachable: no "
                + base.resolve("etc/nestor/known_hosts")
                + ": add 127.0.0.1's host key there first"), noKnownHosts.getMessage());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void removingANodeRewritesTheFile() throws IOException {
        Files.writeString(file, PoolFile.toJson(List.of(peer("n2"), peer("n3"))));
        pool.remove("n2");
        assertEquals(List.of(peer("n3")), pool.nodes());
    }

    @Test
    void aNodeDescriptionReadsBackAndABadOneIsRefused() {
        NodeInfo info = new NodeInfo("n2", "0.1.0", List.of("app.forking", "container.lxc"),
                Map.of("web", new ConfigVersion(1_790_000_000L, "ab12")));
        assertEquals(info, NodeInfo.fromJson(info.toJson()));
        ServiceStatus web = new ServiceStatus("web", "n2", Instant.parse("2026-11-24T10:00:00Z"), "failover", false,
                Status.UP, Status.UP, Status.NA, Map.of());
        NodeInfo withStatus = new NodeInfo("n2", "0.1.0", List.of(), info.services(), Map.of("web", web));
        assertEquals(withStatus, NodeInfo.fromJson(withStatus.toJson()));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> NodeInfo.fromJson("usage: x"));
        assertTrue(bad.getMessage().startsWith("not a node description: "), bad.getMessage());
    }

    @Test
    void aConsoleErrorReadsLikeTheAgentsOwn() {
        assertEquals("no service 'web' (/x/web.conf)\n", PeerPool.consoleError(
                "\u001B[31mError executing command: \u001B[0m\u001B[31;1mno service 'web' (/x/web.conf)\u001B[0m\n"));
        assertEquals("too many arguments specified\n", PeerPool.consoleError(
                "\u001B[31mError executing command svc:\u001B[1mcreate\u001B[22m\u001B[39m: too many arguments specified\n"));
    }
}
