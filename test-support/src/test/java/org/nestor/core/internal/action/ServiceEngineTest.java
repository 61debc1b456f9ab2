package org.nestor.core.internal.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.config.ConfigException;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.store.ServiceLock;
import org.nestor.testsupport.FakeDriver;
import org.nestor.testsupport.FakeWorld;

class ServiceEngineTest {

    @TempDir
    Path base;

    private final FakeWorld world = new FakeWorld();
    private final List<String> output = new ArrayList<>();
    private final Map<String, FakeDriver> byGroup = new HashMap<>();
    private DriverRegistry drivers;
    private FileServiceStore store;
    private ServiceEngine engine;

    @BeforeEach
    void setUp() {
        NestorPaths paths = new NestorPaths(base);
        drivers = new DriverRegistry();
        drivers.addDriver(new AppDriver());
        for (String group : List.of("ip", "disk", "fs", "container", "app", "sync")) {
            byGroup.put(group, new FakeDriver(group, "mem", world));
            drivers.addDriver(byGroup.get(group));
        }
        FileNodeIdentity node = new FileNodeIdentity(paths, Map.of("NESTOR_NODE", "hv1"));
        store = new FileServiceStore(paths, drivers, node, Duration.ofSeconds(5));
        engine = ServiceEngine.standalone(paths, store, drivers, drivers, node,
                new FailoverGuard(PeerPool.standalone(paths, node.name(), new JschSessions()), store, drivers, node));
    }

    private void create(String ini) {
        store.create("web", ConfigReader.read(ini, "web.conf"), true, null);
    }

    private ActionOptions options() {
        return ActionOptions.all(output::add);
    }

    private ActionOptions select(List<String> rids, List<String> tags, List<String> subsets) {
        return new ActionOptions(rids, tags, subsets, false, false, false, null, false, output::add);
    }

    private void run(ServiceAction action) {
        engine.run("web", action, options());
    }

    private static final String GROUPS = """
            [app#1]
            type = mem
            [container#1]
            type = mem
            [fs#1]
            type = mem
            [ip#1]
            type = mem
            [disk#1]
            type = mem
            """;

    @Test
    void startsInGroupOrderAndStopsInReverse() {
        create(GROUPS);
        run(ServiceAction.START);
        assertEquals(List.of("start ip#1", "start disk#1", "start fs#1", "start container#1", "start app#1"),
                world.calls());
        world.clearCalls();
        run(ServiceAction.STOP);
        assertEquals(List.of("stop app#1", "stop container#1", "stop fs#1", "stop disk#1", "stop ip#1"), world.calls());
    }

    @Test
    void aDependencyOverridesTheGroupOrderAndACycleIsRefused() {
        create(GROUPS + "[ip#2]\ntype = mem\nafter = container#1\n");
        run(ServiceAction.START);
        assertEquals(List.of("start ip#1", "start disk#1", "start fs#1", "start container#1", "start ip#2",
                "start app#1"), world.calls());

        create("[ip#1]\ntype = mem\nafter = fs#1\n[fs#1]\ntype = mem\nafter = ip#1\n[app#1]\ntype = mem\n");
        assertEquals("dependency cycle between ip#1, fs#1",
                assertThrows(ActionException.class, () -> run(ServiceAction.START)).getMessage());
    }

    @Test
    void selectionByRidGroupTagsAndSubsets() {
        create(GROUPS + "[app#2]\ntype = mem\ntags = web front\nsubset = g1\n");
        engine.run("web", ServiceAction.START, select(List.of("fs"), List.of(), List.of()));
        engine.run("web", ServiceAction.START, select(List.of("ip#1"), List.of(), List.of()));
        engine.run("web", ServiceAction.START, select(List.of(), List.of("front"), List.of()));
        engine.run("web", ServiceAction.STOP, select(List.of(), List.of(), List.of("g1")));
        assertEquals(List.of("start fs#1", "start ip#1", "start app#2", "stop app#2"), world.calls());
        assertTrue(assertThrows(ActionException.class, () -> engine.run("web", ServiceAction.START,
                select(List.of("nosuch#1"), List.of(), List.of()))).getMessage()
                .startsWith("no resource of service web matches the selection"));
    }

    @Test
    void standbyResourcesStayUpAndAreStartedByStop() {
        create("[fs#1]\ntype = mem\nstandby = true\n[app#1]\ntype = mem\n");
        run(ServiceAction.STOP);
        assertEquals(List.of("start fs#1"), world.calls());
        assertEquals(Status.STDBY_UP, engine.status("web", true).resources().get("fs#1").status());
        world.clearCalls();
        run(ServiceAction.START);
        run(ServiceAction.STOP);
        assertEquals(List.of("start app#1", "stop app#1"), world.calls());
        world.clearCalls();
        engine.run("web", ServiceAction.STOP, new ActionOptions(List.of(), List.of(), List.of(), false, true, false,
                null, false, output::add));
        assertTrue(world.calls().contains("stop fs#1"), world.calls().toString());
    }

    @Test
    void aFailedStartRollsBackWhatItStartedButNotWhatWasUpBefore() {
        create("[ip#1]\ntype = mem\n[fs#1]\ntype = mem\n[app#1]\ntype = mem\nfail_start = true\n");
        world.setUp("web", "ip#1", true);
        ActionException error = assertThrows(ActionException.class, () -> run(ServiceAction.START));
        assertEquals("web app#1: start failed: refused to start", error.getMessage());
        assertEquals(List.of("start fs#1", "start app#1", "stop fs#1"), world.calls());
        assertTrue(world.isUp("web", "ip#1"));
        assertTrue(output.contains("hv1.web WARN rollback: stopping fs#1"), output.toString());

        world.clearCalls();
        assertThrows(ActionException.class, () -> engine.run("web", ServiceAction.START, new ActionOptions(List.of(),
                List.of(), List.of(), false, false, true, null, false, output::add)));
        assertEquals(List.of("start fs#1", "start app#1"), world.calls());
        assertTrue(world.isUp("web", "fs#1"));
    }

    @Test
    void optionalFailuresAreLoggedNotFatalAndDisabledResourcesAreSkipped() {
        create("[fs#1]\ntype = mem\nfail_start = true\noptional = true\n[app#1]\ntype = mem\n"
                + "[app#2]\ntype = mem\ndisable = true\n");
        run(ServiceAction.START);
        assertEquals(List.of("start fs#1", "start app#1"), world.calls());
        assertTrue(output.contains("hv1.web.fs#1 WARN start failed, optional: refused to start"), output.toString());
        ServiceStatus status = engine.status("web", false);
        assertEquals(Status.UP, status.avail());
        assertEquals(Status.DOWN, status.optional());
        assertEquals(Status.WARN, status.overall());
        assertEquals(Status.NA, status.resources().get("app#2").status());
        assertEquals("..DO....".charAt(2), status.resources().get("app#2").flags().charAt(2));
        assertEquals("...O....", status.resources().get("fs#1").flags());
    }

    @Test
    void aFailedStopStopsTheActionLeavingTheRestUp() {
        create("[fs#1]\ntype = mem\n[app#1]\ntype = mem\nfail_stop = true\n");
        run(ServiceAction.START);
        world.clearCalls();
        assertEquals("web app#1: stop failed: refused to stop",
                assertThrows(ActionException.class, () -> run(ServiceAction.STOP)).getMessage());
        assertEquals(List.of("stop app#1"), world.calls());
        assertTrue(world.isUp("web", "fs#1"));
    }

    @Test
    void triggersRunAroundTheActionAndBlockingOnesFailIt() throws IOException {
        Path trace = base.resolve("trace");
        String append = "/bin/sh -c 'echo $0 $NESTOR_RID >> " + trace + "' ";
        create("[app#1]\ntype = mem\npre_start = " + append + "pre\npost_start = " + append + "post\n"
                + "pre_stop = /bin/false\n");
        run(ServiceAction.START);
        assertEquals("pre app#1\npost app#1\n", Files.readString(trace));
        run(ServiceAction.STOP);
        assertTrue(output.contains("hv1.web.app#1 WARN pre_stop exited 1"), output.toString());
        assertEquals(List.of("start app#1", "stop app#1"), world.calls());

        create("[app#1]\ntype = mem\nblocking_pre_start = /bin/sh -c 'echo no way >&2; exit 4'\n");
        assertEquals("web app#1: start failed: blocking_pre_start exited 4: no way",
                assertThrows(ActionException.class, () -> run(ServiceAction.START)).getMessage());
        assertEquals(List.of("start app#1", "stop app#1"), world.calls());
    }

    @Test
    void provisionGoesInStartOrderAndUnprovisionStopsFirstThenGoesInReverse() {
        create("[fs#1]\ntype = mem\n[container#1]\ntype = mem\n[app#1]\ntype = mem\ndisable = true\n");
        world.setProvisioned("web", "fs#1", false);
        world.setProvisioned("web", "container#1", false);
        run(ServiceAction.PROVISION);
        assertEquals(List.of("provision fs#1", "start fs#1", "provision container#1", "start container#1"),
                world.calls(), "each one started for the next");

        world.clearCalls();
        run(ServiceAction.UNPROVISION);
        assertEquals(List.of("stop container#1", "unprovision container#1", "stop fs#1", "unprovision fs#1"),
                world.calls());
        assertFalse(world.isProvisioned("web", "fs#1") || world.isProvisioned("web", "container#1"));

        world.clearCalls();
        run(ServiceAction.UNPROVISION);
        assertEquals(List.of(), world.calls(), "nothing left to unprovision");
        output.clear();
        engine.run("web", ServiceAction.PROVISION, new ActionOptions(List.of(), List.of(), List.of(), true, false,
                false, null, false, output::add));
        assertEquals(List.of("dry-run: provision fs#1 (mem fs#1)", "dry-run: start fs#1 (mem fs#1)",
                "dry-run: provision container#1 (mem container#1)", "dry-run: start container#1 (mem container#1)",
                "dry-run: skip app#1 (mem app#1): disabled"), output);
    }

    @Test
    void dryRunPrintsThePlanAndDoesNothing() {
        create("[fs#1]\ntype = mem\nstandby = true\n[app#1]\ntype = mem\npre_stop = /bin/echo bye\n"
                + "blocking_post_stop = /bin/true\n[app#2]\ntype = mem\ndisable = true\n");
        engine.run("web", ServiceAction.STOP, new ActionOptions(List.of(), List.of(), List.of(), true, false, false,
                null, false, output::add));
        assertEquals(List.of("dry-run: skip app#2 (mem app#2): disabled",
                "dry-run: run app#1 pre_stop (/bin/echo bye)", "dry-run: stop app#1 (mem app#1)",
                "dry-run: run app#1 blocking_post_stop (/bin/true)",
                "dry-run: keep fs#1 (mem fs#1) up: standby", "dry-run: start (standby) fs#1 (mem fs#1)"), output);
        assertEquals(List.of(), world.calls());
        assertFalse(Files.exists(engine.actionLog("web")));
    }

    @Test
    void aSecondActionWaitsForTheLockThenGivesUp() throws Exception {
        create("[app#1]\ntype = mem\n");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (ServiceLock lock = store.lock("web", Duration.ofSeconds(1))) {
                held.countDown();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        held.await(5, TimeUnit.SECONDS);
        try {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> CompletableFuture.runAsync(
                    () -> engine.run("web", ServiceAction.START, new ActionOptions(List.of(), List.of(), List.of(),
                            false, false, false, Duration.ofMillis(300), false, output::add)))
                    .get(10, TimeUnit.SECONDS));
            assertTrue(failure.getCause().getMessage().startsWith("service 'web' is locked by pid "),
                    failure.getCause().getMessage());
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
        assertTrue(output.get(0).startsWith("waiting up to 0s for the lock of service web"), output.toString());
        assertEquals(List.of(), world.calls());
        run(ServiceAction.START);
        assertEquals(List.of("start app#1"), world.calls());
    }

    @Test
    void theActionLogHasTimeNodeServiceRidLevelAndMessage() throws IOException {
        create("[app#1]\ntype = mem\n");
        run(ServiceAction.START);
        List<String> lines = Files.readAllLines(engine.actionLog("web"));
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z hv1\\.web INFO start on all resources"),
                lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\S+ hv1\\.web\\.app#1 INFO started")), lines.toString());
    }

    @Test
    void statusIsCachedUntilRefreshedOrTheConfigurationChanges() throws Exception {
        create("[app#1]\ntype = mem\n");
        run(ServiceAction.START);
        assertEquals(Status.UP, engine.status("web", false).overall());
        world.setUp("web", "app#1", false);
        assertEquals(Status.UP, engine.status("web", false).overall(), "cached");
        assertEquals(Status.DOWN, engine.status("web", true).overall(), "refreshed");
        world.setUp("web", "app#1", true);
        Thread.sleep(20);
        store.edit("web", c -> c.getOrAdd("app#1").put("comment", "edited", 0), null);
        assertEquals(Status.UP, engine.status("web", false).overall(), "configuration newer than the cache");
    }

    @Test
    void aDriverThatLeavesMakesItsResourcesUndefAndTheirActionsFail() {
        create("[app#1]\ntype = mem\n[fs#1]\ntype = mem\n");
        drivers.removeDriver(byGroup.get("fs"));
        ServiceStatus status = engine.status("web", true);
        assertEquals(Status.UNDEF, status.resources().get("fs#1").status());
        assertEquals(List.of("error: no driver for type fs.mem is installed"), status.resources().get("fs#1").log());
        assertEquals("web fs#1: start failed: no driver for type fs.mem is installed",
                assertThrows(ActionException.class, () -> run(ServiceAction.START)).getMessage());
        assertEquals(List.of(), world.calls());
        drivers.addDriver(byGroup.get("fs"));
        run(ServiceAction.START);
        assertEquals(List.of("start fs#1", "start app#1"), world.calls());
    }

    @Test
    void aHandEditedInvalidConfigurationIsReportedWithItsPlace() throws IOException {
        create("[app#1]\ntype = mem\n");
        Files.writeString(store.file("web"), "[app#1]\ntype = mem\nfail_start = maybe\n");
        ConfigException error = assertThrows(ConfigException.class, () -> engine.status("web", true));
        assertEquals(store.file("web") + ":3: [app#1] fail_start: 'maybe' is not a boolean (true/false, yes/no, "
                + "on/off, 1/0)", error.getMessage());
        assertThrows(ConfigException.class, () -> run(ServiceAction.START));
        assertEquals(List.of(), world.calls());
    }

    @Test
    void aFrozenServiceRefusesOrchestratedActionsOnly() {
        create("[app#1]\ntype = mem\n");
        engine.setFrozen("web", true);
        assertTrue(engine.status("web", false).frozen());
        ActionOptions orchestrated = new ActionOptions(List.of(), List.of(), List.of(), false, false, false, null,
                true, output::add);
        assertEquals("service web is frozen: orchestrated actions are refused until svc:thaw",
                assertThrows(ActionException.class, () -> engine.run("web", ServiceAction.START, orchestrated))
                        .getMessage());
        run(ServiceAction.START);
        engine.setFrozen("web", false);
        engine.run("web", ServiceAction.STOP, orchestrated);
        assertEquals(List.of("start app#1", "stop app#1"), world.calls());
        assertFalse(engine.status("web", false).frozen());
    }

    @Test
    void syncResourcesCountInTheOverallOnlyAndGuestsSeeOnlyEncapResources() {
        create("[DEFAULT]\nnodes = hv1\nencapnodes = vm1\n[app#1]\ntype = mem\n[sync#1]\ntype = mem\n"
                + "[app#2]\ntype = mem\nencap = true\n");
        run(ServiceAction.START);
        assertEquals(List.of("start app#1", "start sync#1"), world.calls());
        world.setUp("web", "sync#1", false);
        ServiceStatus status = engine.status("web", true);
        assertEquals(Status.UP, status.avail());
        assertEquals(Status.WARN, status.overall());
        assertFalse(status.resources().containsKey("app#2"));
    }
}
