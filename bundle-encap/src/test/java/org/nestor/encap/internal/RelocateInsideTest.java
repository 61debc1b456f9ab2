package org.nestor.encap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nestor.encap.internal.EncapFixture.AGENT;
import static org.nestor.encap.internal.EncapFixture.SERVICE;
import static org.nestor.encap.internal.EncapFixture.exit;
import static org.nestor.encap.internal.EncapFixture.guestStatus;
import static org.nestor.encap.internal.EncapFixture.ok;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nestor.core.action.ActionException;
import org.nestor.core.status.Status;

/** semantics.md "Status", relocation, between the guests of one hypervisor: stop where it runs, start on the target. */
class RelocateInsideTest {

    @TempDir
    Path base;

    private EncapFixture fixture;
    private final List<String> output = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new EncapFixture(base);
        fixture.hostStarted();
        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.UP, Status.UP));
        fixture.agent("container#2").status = ok(guestStatus("vm2", Status.DOWN, Status.DOWN));
    }

    /** The actions relayed, in order, without the status requests. */
    private List<String> relayed() {
        return fixture.world.calls().stream().filter(call -> call.contains(" " + AGENT + " svc ")
                && !call.contains(" print-status ")).map(call -> call.replace(" " + AGENT + " ", " ")).toList();
    }

    private List<String> hostCalls() {
        return fixture.world.calls().stream().filter(call -> !call.startsWith("exec ") && !call.startsWith("copy-"))
                .toList();
    }

    @Test
    void aTargetThatIsNoGuestIsNotThisLayersMove() {
        assertFalse(fixture.actions.relocateInside(SERVICE, "vm9", output::add));
        assertFalse(fixture.actions.relocateInside(SERVICE, "hv2", output::add));
        assertEquals(List.of(), fixture.world.calls());
    }

    @Test
    void aTargetWhoseContainerIsDownIsRefused() {
        fixture.world.setUp(SERVICE, "container#2", false);
        ActionException refused = assertThrows(ActionException.class,
                () -> fixture.actions.relocateInside(SERVICE, "vm2", output::add));
        assertEquals("cannot switch web to vm2: its container container#2 is not running "
                + "(svc start --master web first)", refused.getMessage());
        assertEquals(List.of(), fixture.world.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm2", "container#2"})
    void theGuestThatRunsStopsThenTheTargetStarts(String target) {
        assertTrue(fixture.actions.relocateInside(SERVICE, target, output::add));
        assertEquals(List.of("exec container#1 svc stop web", "exec container#2 svc start web"), relayed());
        assertEquals(List.of(), hostCalls(), "the hypervisor level stays as it is");
        assertTrue(output.containsAll(List.of("stopping web on vm1", "starting web on vm2",
                "switched web to guest vm2")), output.toString());
    }

    @Test
    void aServiceThatRunsInTheTargetAlreadyIsNotMoved() {
        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.DOWN, Status.DOWN));
        fixture.agent("container#2").status = ok(guestStatus("vm2", Status.UP, Status.UP));
        assertTrue(fixture.actions.relocateInside(SERVICE, "vm2", output::add));
        assertEquals(List.of(), relayed());
        assertEquals(List.of("web already runs in vm2"), output);
    }

    @Test
    void aStopThatFailsInTheSourceStartsNothingInTheTarget() {
        fixture.agent("container#1").action = exit(1, "", "app#1 will not stop\n");
        ActionException failed = assertThrows(ActionException.class,
                () -> fixture.actions.relocateInside(SERVICE, "vm2", output::add));
        assertEquals("switch of web stopped: its stop on vm1 failed (guest vm1: stop failed (exit 1)); it was not "
                + "started on vm2", failed.getMessage());
        assertEquals(List.of("exec container#1 svc stop web"), relayed());
    }
}
