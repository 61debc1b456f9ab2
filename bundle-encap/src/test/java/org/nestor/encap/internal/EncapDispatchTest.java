package org.nestor.encap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nestor.encap.internal.EncapFixture.SERVICE;
import static org.nestor.encap.internal.EncapFixture.exit;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Dispatch;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.internal.config.ConfigReader;

/** semantics.md "Encapsulation", dispatch of an action: levels, order, scope, relays. */
class EncapDispatchTest {

    private static final Set<String> START_BOTH = Set.of("exec container#1 svc start web",
            "exec container#2 svc start web");
    private static final Set<String> STOP_BOTH = Set.of("exec container#1 svc stop web",
            "exec container#2 svc stop web");
    private static final List<String> HOST_START = List.of("start ip#1", "start container#1", "start container#2");
    private static final List<String> HOST_STOP = List.of("stop container#2", "stop container#1", "stop ip#1");

    @TempDir
    Path base;

    private EncapFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new EncapFixture(base);
    }

    private void run(ServiceAction action, Dispatch dispatch) {
        run(action, List.of(), List.of(), List.of(), dispatch);
    }

    private void run(ServiceAction action, List<String> rids, List<String> tags, List<String> subsets,
                     Dispatch dispatch) {
        fixture.actions.run(SERVICE, action, new ActionOptions(rids, tags, subsets, false, false, false, null, false,
                fixture.output::add, dispatch));
    }

    private static Dispatch slave(String... names) {
        return new Dispatch(false, List.of(names), false);
    }

    private static final Dispatch MASTER = new Dispatch(true, List.of(), false);
    private static final Dispatch SLAVES = new Dispatch(false, List.of(), true);

    @Test
    void startGoesToTheHostFirstThenToEveryGuest() {
        run(ServiceAction.START, Dispatch.DEFAULT);
        assertEquals(List.of(HOST_START, START_BOTH), fixture.phases());
    }

    @Test
    void stopGoesToTheGuestsFirstThenToTheHost() {
        fixture.hostStarted();
        run(ServiceAction.STOP, Dispatch.DEFAULT);
        assertEquals(List.of(STOP_BOTH, HOST_STOP), fixture.phases());
    }

    @Test
    void restartStopsTheGuestsRestartsTheHostAndStartsTheGuests() {
        fixture.hostStarted();
        run(ServiceAction.RESTART, Dispatch.DEFAULT);
        List<Object> phases = fixture.phases();
        assertEquals(3, phases.size(), phases.toString());
        assertEquals(STOP_BOTH, phases.get(0));
        List<?> host = (List<?>) phases.get(1);
        assertTrue(host.containsAll(HOST_STOP) && host.indexOf("stop ip#1") < host.indexOf("start ip#1"),
                host.toString());
        assertEquals(START_BOTH, phases.get(2));
    }

    @Test
    void provisionGoesHostFirstAndUnprovisionGuestsFirst() {
        run(ServiceAction.PROVISION, Dispatch.DEFAULT);
        // everything is provisioned already: the host level starts
        assertEquals(List.of(HOST_START, Set.of("exec container#1 svc provision web",
                "exec container#2 svc provision web")), fixture.phases());
        fixture.world.clearCalls();

        run(ServiceAction.UNPROVISION, Dispatch.DEFAULT);
        List<Object> phases = fixture.phases();
        assertEquals(Set.of("exec container#1 svc unprovision web", "exec container#2 svc unprovision web"),
                phases.get(0));
        assertTrue(((List<?>) phases.get(1)).contains("unprovision ip#1"), phases.toString());
    }

    @Test
    void masterAloneIsTheHostOnly() {
        run(ServiceAction.START, MASTER);
        assertEquals(List.of(HOST_START), fixture.phases());
    }

    @Test
    void masterAndASlaveAreTheHostAndThatGuest() {
        run(ServiceAction.START, new Dispatch(true, List.of("vm2"), false));
        assertEquals(List.of(HOST_START, Set.of("exec container#2 svc start web")), fixture.phases());
    }

    @Test
    void aSlaveIsNamedByItsContainersNameOrRidAndTheHostIsLeftAlone() {
        fixture.hostStarted();
        run(ServiceAction.STOP, slave("vm2"));
        assertEquals(List.of(Set.of("exec container#2 svc stop web")), fixture.phases());
        fixture.world.clearCalls();

        run(ServiceAction.STOP, slave("container#1"));
        assertEquals(List.of(Set.of("exec container#1 svc stop web")), fixture.phases());
        fixture.world.clearCalls();

        run(ServiceAction.START, slave("vm1", "container#1"));
        assertEquals(List.of(Set.of("exec container#1 svc start web")), fixture.phases(), "one guest, named twice");
    }

    @Test
    void slavesAreEveryGuestWithoutTheHost() {
        fixture.hostStarted();
        run(ServiceAction.STOP, SLAVES);
        assertEquals(List.of(STOP_BOTH), fixture.phases());
    }

    @Test
    void anActionOutsideMasterAndSlaveNeedsALevel() {
        fixture.hostStarted();
        ActionException refused = assertThrows(ActionException.class, () -> run(ServiceAction.SYNC,
                Dispatch.DEFAULT));
        assertEquals("sync on web: specify either --master, --slave(s) or both", refused.getMessage());
        assertEquals(List.of(), fixture.world.calls());

        run(ServiceAction.SYNC, SLAVES);
        assertEquals(List.of(Set.of("exec container#1 svc sync web", "exec container#2 svc sync web")),
                fixture.phases());
    }

    @Test
    void aSlaveThatNamesNoGuestIsRefusedNamingTheGuests() {
        ActionException refused = assertThrows(ActionException.class, () -> run(ServiceAction.START,
                slave("vm1", "vm9")));
        assertEquals("--slave vm9: service web has no such guest (vm1 (container#1), vm2 (container#2))",
                refused.getMessage());
        assertEquals(List.of(), fixture.world.calls(), "nothing run, not even the guest that exists");
    }

    @Test
    void slavesOfAServiceWithoutEncapsulatedResourcesAreRefused() {
        // encapnodes and a container, but nothing encapsulated: the host's alone
        fixture.store.create("plain", ConfigReader.read("[DEFAULT]\nnodes = hv1\nencapnodes = vm1\n"
                + "[container#1]\ntype = mem\nname = vm1\n", "plain.conf"), true, null);
        for (Dispatch dispatch : List.of(slave("vm1"), SLAVES)) {
            ActionException refused = assertThrows(ActionException.class, () -> fixture.actions.run("plain",
                    ServiceAction.START, new ActionOptions(List.of(), List.of(), List.of(), false, false, false,
                            null, false, fixture.output::add, dispatch)));
            assertEquals("service plain has no encapsulated resources: --slave and --slaves do not apply",
                    refused.getMessage());
        }
        assertEquals(List.of(), fixture.world.calls());

        fixture.actions.run("plain", ServiceAction.START, ActionOptions.all(fixture.output::add));
        assertEquals(List.of(List.of("start container#1")), fixture.phases(), "no relay");
    }

    @Test
    void aCommandScopedToHostResourcesSkipsTheGuests() {
        run(ServiceAction.START, List.of("ip#1"), List.of(), List.of(), Dispatch.DEFAULT);
        assertEquals(List.of(List.of("start ip#1")), fixture.phases());
        fixture.world.clearCalls();

        // the container is the host's, even though its guest runs the encapsulated resources
        run(ServiceAction.START, List.of("container#1"), List.of(), List.of(), Dispatch.DEFAULT);
        assertEquals(List.of(List.of("start container#1")), fixture.phases());
    }

    @Test
    void aCommandScopedToEncapsulatedResourcesSkipsTheHost() {
        fixture.hostStarted();
        run(ServiceAction.START, List.of("app#1"), List.of(), List.of(), Dispatch.DEFAULT);
        assertEquals(List.of(Set.of("exec container#1 svc start --rid app#1 web",
                "exec container#2 svc start --rid app#1 web")), fixture.phases());
        fixture.world.clearCalls();

        run(ServiceAction.STOP, List.of(), List.of("data"), List.of(), Dispatch.DEFAULT);
        assertEquals(List.of(Set.of("exec container#1 svc stop --tags data web",
                "exec container#2 svc stop --tags data web")), fixture.phases(), "by tag");
        fixture.world.clearCalls();

        run(ServiceAction.STOP, List.of(), List.of(), List.of("g1"), slave("vm1"));
        assertEquals(List.of(Set.of("exec container#1 svc stop --subsets g1 web")), fixture.phases(), "by subset");
    }

    @Test
    void aCommandScopedToBothLevelsGoesToBothAndOnlyIntoRunningContainers() {
        run(ServiceAction.START, List.of("ip#1", "container#1", "app#1"), List.of(), List.of(), Dispatch.DEFAULT);
        assertEquals(List.of(List.of("start ip#1", "start container#1"),
                Set.of("exec container#1 svc start --rid ip#1,container#1,app#1 web")), fixture.phases());
        assertTrue(fixture.messages().contains("INFO skip: container vm2 not running"),
                fixture.messages().toString());
    }

    @Test
    void aGuestWhoseContainerIsDownIsSkipped() {
        fixture.world.setUp(SERVICE, "container#1", true);
        run(ServiceAction.START, SLAVES);
        assertEquals(List.of(Set.of("exec container#1 svc start web")), fixture.phases());
        assertTrue(fixture.messages().contains("INFO skip: container vm2 not running"),
                fixture.messages().toString());
        assertTrue(fixture.world.calls().stream().noneMatch(call -> call.startsWith("exec container#2")),
                "nothing asked of vm2, not even its configuration: " + fixture.world.calls());
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 127})
    void onStopAnUnjoinableGuestIsAWarningAndTheHostStillStops(int code) {
        fixture.hostStarted();
        fixture.agent("container#1").action = exit(code, "", "transport down");
        run(ServiceAction.STOP, Dispatch.DEFAULT);
        assertEquals(List.of(STOP_BOTH, HOST_STOP), fixture.phases());
        assertTrue(fixture.messages().contains("WARN guest vm1 cannot be joined (exit " + code + ": agent "
                + EncapFixture.AGENT + " missing or transport down): transport down"), fixture.messages().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 127})
    void onStartAnUnjoinableGuestIsAFailureNamingIt(int code) {
        fixture.agent("container#2").action = exit(code, "", "");
        ActionException failed = assertThrows(ActionException.class, () -> run(ServiceAction.START,
                Dispatch.DEFAULT));
        assertEquals("guest vm2 cannot be joined (exit " + code + ": agent " + EncapFixture.AGENT
                + " missing or transport down)", failed.getMessage());
        assertEquals(List.of(HOST_START, START_BOTH), fixture.phases(), "the host and vm1 stay started");
    }

    @Test
    void aGuestsOwnFailureIsReportedWithItsOutputAndKeepsTheHostFromStopping() {
        fixture.hostStarted();
        fixture.agent("container#1").action = exit(1, "", "app#1: refused to stop\n");
        ActionException failed = assertThrows(ActionException.class, () -> run(ServiceAction.STOP,
                Dispatch.DEFAULT));
        assertEquals("guest vm1: stop failed (exit 1)", failed.getMessage());
        assertTrue(fixture.messages().contains("INFO vm1: app#1: refused to stop"), fixture.messages().toString());
        assertEquals(List.of(STOP_BOTH), fixture.phases(), "the host is not stopped under a guest that still runs");
    }

    @Test
    void theSelectionAndFlagsAreForwardedButNotTheDispatch() {
        fixture.hostStarted();
        fixture.actions.run(SERVICE, ServiceAction.START, new ActionOptions(List.of("fs#2"), List.of("data"),
                List.of("g1"), true, true, true, null, false, fixture.output::add, slave("vm1")));
        assertEquals(List.of(Set.of("exec container#1 svc start --rid fs#2 --tags data --subsets g1 --force "
                + "--dry-run --disable-rollback web")), fixture.phases());
        fixture.world.clearCalls();

        run(ServiceAction.STOP, SLAVES);
        assertEquals(List.of(STOP_BOTH), fixture.phases(), "no --slaves");
    }

    @Test
    void theRelayFollowsTheConfigurationPush() {
        fixture.hostStarted();
        fixture.agent("container#1").hasCopy = false;
        run(ServiceAction.START, slave("vm1"));
        List<String> calls = fixture.world.calls();
        int pushed = indexOf(calls, "copy-in container#1 ");
        int relayed = indexOf(calls, "exec container#1 " + EncapFixture.AGENT + " svc start web");
        assertTrue(pushed >= 0 && pushed < relayed, calls.toString());
    }

    @Test
    void freezeIsTheHostsAlone() {
        fixture.actions.setFrozen(SERVICE, true);
        assertTrue(fixture.actions.status(SERVICE, false).frozen());
        assertTrue(fixture.world.calls().stream().noneMatch(call -> call.contains(" svc freeze")),
                fixture.world.calls().toString());
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
