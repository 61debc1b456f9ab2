package org.nestor.core.internal.pool;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.internal.BuiltInNode;
import org.nestor.core.internal.Parallel;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolException;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

/**
 * The failover rule, and the engine enforcing it on every starting action. The peers are a pool
 * whose answers the test gives: what is tested is the rule, not SSH (PoolIT runs it between real
 * nodes).
 */
class FailoverGuardTest {

    @TempDir
    Path base;

    private FileServiceStore store;
    private ServiceEngine engine;
    private FailoverGuard guard;
    private final AnsweringPool pool = new AnsweringPool();

    /** Peers that answer {@code info} as the test says; nothing else is asked of them here. */
    static final class AnsweringPool implements Pool {
        final Map<String, Object> answers = new LinkedHashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<PoolNode> nodes() {
            return answers.keySet().stream().map(name -> new PoolNode(name, "127.0.0.1", 22, "root",
                    Path.of("/k"), "/opt/nestor/bin/nestor", null)).toList();
        }

        @Override
        public PoolNode node(String name) {
            return nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                    .orElseThrow(() -> new PoolException("no node " + name));
        }

        @Override
        public NodeInfo info(PoolNode node, Collection<String> services, boolean withStatus) {
            synchronized (asked) {
                asked.add(node.name());
            }
            Object answer = answers.get(node.name());
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
            return (NodeInfo) answer;
        }

        @Override
        public <T> Map<PoolNode, Reply<T>> each(Collection<PoolNode> nodes, Function<PoolNode, T> work) {
            return Parallel.each(nodes, work);
        }

        @Override
        public NodeInfo add(PoolNode node, boolean acceptHostKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String config(PoolNode node, String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void install(PoolNode node, String service, byte[] text, long version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> act(PoolNode node, String service, ServiceAction action, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> logs(PoolNode node, String service) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeEach
    void setUp() {
        BuiltInNode n1 = BuiltInNode.at(base, "n1", pool);
        store = n1.store();
        guard = n1.guard();
        engine = n1.engine();
    }

    private void service(String defaults) {
        store.create("web", ConfigReader.read("[DEFAULT]\n" + defaults + "\n[app#1]\nstart = /bin/touch "
                + base.resolve("started") + "\nstop = /bin/true\ncheck = /bin/false\n", "web.conf"), true, null);
    }

    private static NodeInfo running(String node, Status avail) {
        return new NodeInfo(node, "0.1.0", List.of(), Map.of(), Map.of("web", new ServiceStatus("web", node,
                Instant.EPOCH, "failover", false, avail, avail, Status.NA, Map.of())));
    }

    @Test
    void aServiceUpOnAPeerIsNotStartedHereByAnyStartingAction() {
        service("nodes = n1 n2");
        pool.answers.put("n2", running("n2", Status.UP));
        for (ServiceAction action : List.of(ServiceAction.START, ServiceAction.RESTART, ServiceAction.PROVISION)) {
            ActionException refused = assertThrows(ActionException.class,
                    () -> engine.run("web", action, ActionOptions.all(line -> { })), action.label());
            assertEquals("web is up on n2: a failover service runs one instance (svc switch web --to n1 moves it "
                    + "here)", refused.getMessage());
        }
        assertFalse(Files.exists(base.resolve("started")), "nothing started");
    }

    @Test
    void aServicePartlyUpOnAPeerCountsAsRunning() {
        service("nodes = n1 n2");
        pool.answers.put("n2", running("n2", Status.WARN));
        assertThrows(ActionException.class, () -> guard.check("web", false));
    }

    @Test
    void downElsewhereItStartsAndADryRunAsksNobody() {
        service("nodes = n1 n2");
        pool.answers.put("n2", running("n2", Status.DOWN));
        engine.run("web", ServiceAction.START, ActionOptions.all(line -> { }));
        assertTrue(Files.exists(base.resolve("started")));

        pool.asked.clear();
        engine.run("web", ServiceAction.START, new ActionOptions(List.of(), List.of(), List.of(), true, false, false,
                null, false, line -> { }));
        assertEquals(List.of(), pool.asked);
    }

    @Test
    void aPeerThatCannotTellRefusesTheStartUnlessForced() {
        service("nodes = n1 n2 n3");
        pool.answers.put("n2", running("n2", Status.DOWN));
        pool.answers.put("n3", new PoolException("node n3 unreachable: connection refused"));
        ActionException refused = assertThrows(ActionException.class, () -> guard.check("web", false));
        assertEquals("cannot tell whether web runs on n3 (node n3 unreachable: connection refused): not started; "
                + "--force starts it anyway", refused.getMessage());
        assertDoesNotThrow(() -> guard.check("web", true));
    }

    @Test
    void onlyTheServicesNodesAndDrpnodesAreAskedAndAFlexServiceIsNot() {
        service("nodes = n1\ndrpnodes = d1");
        pool.answers.put("d1", running("d1", Status.DOWN));
        pool.answers.put("n9", new PoolException("not to be asked"));
        guard.check("web", false);
        assertEquals(List.of("d1"), pool.asked);

        pool.asked.clear();
        service("nodes = n1 n2\ntopology = flex");
        pool.answers.put("n2", running("n2", Status.UP));
        guard.check("web", false);
        assertEquals(List.of(), pool.asked);
    }
}
