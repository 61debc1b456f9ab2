package org.nestor.encap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nestor.encap.internal.EncapFixture.AGENT;
import static org.nestor.encap.internal.EncapFixture.SERVICE;
import static org.nestor.encap.internal.EncapFixture.exit;
import static org.nestor.encap.internal.EncapFixture.guestStatus;
import static org.nestor.encap.internal.EncapFixture.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

/** semantics.md "Encapsulation", encap status, and "Status", the merge: the guests folded into the host's status. */
class GuestStatusesTest {

    @TempDir
    Path base;

    private EncapFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new EncapFixture(base);
    }

    private List<String> statusRequests() {
        return fixture.world.calls().stream().filter(call -> call.contains(" svc print-status ")).toList();
    }

    @Test
    void eachGuestsStatusIsNestedUnderItsContainer() {
        fixture.hostStarted();
        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.UP, Status.UP));
        fixture.agent("container#2").status = ok(guestStatus("vm2", Status.DOWN, Status.DOWN));
        ServiceStatus status = fixture.actions.status(SERVICE, true);

        assertEquals(List.of("container#1", "container#2"), List.copyOf(status.encap().keySet()));
        ServiceStatus vm1 = status.encap().get("container#1");
        assertEquals("vm1", vm1.node());
        assertEquals(List.of("fs#2", "app#1"), List.copyOf(vm1.resources().keySet()));
        assertEquals(Status.UP, vm1.resources().get("app#1").status());
        assertEquals(Status.DOWN, status.encap().get("container#2").avail());
        assertEquals(List.of("ip#1", "container#1", "container#2"), List.copyOf(status.resources().keySet()),
                "the host's rows stay the host's");
        assertEquals(List.of("exec container#1 " + AGENT + " svc print-status --format json --refresh web",
                "exec container#2 " + AGENT + " svc print-status --format json --refresh web"),
                statusRequests().stream().sorted().toList());
    }

    /** The host is up and vm2 up: what vm1 reports decides, by the merge table. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "up         | up         | up",
            "down       | down       | warn",
            "up         | down       | warn",
            "n/a        | n/a        | up",
            "stdby up   | stdby up   | up",
            "stdby down | stdby down | warn",
            "warn       | up         | warn"})
    void aGuestsAvailabilityIsMergedIntoTheHosts(String app, String fs, String merged) {
        fixture.hostStarted();
        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.of(app), Status.of(fs)));
        fixture.agent("container#2").status = ok(guestStatus("vm2", Status.UP, Status.UP));
        ServiceStatus status = fixture.actions.status(SERVICE, true);
        assertEquals(merged, status.avail().label());
        assertEquals(merged, status.overall().label());
    }

    @Test
    void upWithAStandbyUpGuestIsKeptApartSoThatALaterDownIsWarn() {
        fixture.hostStarted();
        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.STDBY_UP, Status.STDBY_UP));
        fixture.agent("container#2").status = ok(guestStatus("vm2", Status.UP, Status.UP));
        assertEquals(Status.STDBY_UP_WITH_UP, fixture.actions.status(SERVICE, true).avail());

        fixture.agent("container#2").status = ok(guestStatus("vm2", Status.DOWN, Status.DOWN));
        assertEquals(Status.WARN, fixture.actions.status(SERVICE, true).avail());
    }

    @Test
    void aContainerDownShowsItsGuestsResourcesDownAndAppsNotApplicable() {
        ServiceStatus status = fixture.actions.status(SERVICE, true);
        assertEquals(List.of(), statusRequests(), "a guest that is not running is not asked");
        for (String rid : List.of("container#1", "container#2")) {
            ServiceStatus guest = status.encap().get(rid);
            ResourceState fs = guest.resources().get("fs#2");
            ResourceState app = guest.resources().get("app#1");
            assertEquals(Status.DOWN, fs.status());
            assertEquals(Status.NA, app.status());
            assertEquals("....E...", fs.flags());
            assertTrue(fs.encap());
            assertEquals(List.of("encap", "data"), fs.tags());
            String name = rid.equals("container#1") ? "vm1" : "vm2";
            assertEquals(List.of("info: container " + name + " is not running"), app.log());
            assertEquals(Status.DOWN, guest.avail());
            assertEquals(Status.DOWN, guest.overall());
        }
        assertEquals(Status.DOWN, status.avail());
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 127, 1})
    void aGuestThatDoesNotAnswerShowsNotApplicableWithTheError(int code) {
        fixture.hostStarted();
        fixture.agent("container#1").status = exit(code, "", "ssh: connect to host vm1: Connection refused\n");
        ServiceStatus status = fixture.actions.status(SERVICE, true);
        ServiceStatus vm1 = status.encap().get("container#1");
        for (ResourceState resource : vm1.resources().values()) {
            assertEquals(Status.NA, resource.status(), resource.rid());
            assertEquals(List.of("warn: status of vm1 not fetched (exit " + code
                    + "): ssh: connect to host vm1: Connection refused"), resource.log());
        }
        assertEquals(Status.NA, vm1.avail());
        assertEquals(Status.WARN, vm1.overall());
        assertEquals(Status.UP, status.avail(), "up + n/a + up");
        assertEquals(Status.WARN, status.overall(), "the guest's warning shows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "", "{\"service\": \"web\", \"avail\": \"sideways\"}", "[1, 2]", "null",
            "{\"resources\": \"x\"}", "{\"resources\": {\"app#1\": 5}}", "{\"avail\": 7}"})
    void aMalformedAnswerShowsNotApplicable(String answer) {
        fixture.hostStarted();
        fixture.agent("container#1").status = ok(answer);
        ServiceStatus vm1 = fixture.actions.status(SERVICE, true).encap().get("container#1");
        assertEquals(Status.NA, vm1.avail());
        ResourceState app = vm1.resources().get("app#1");
        assertEquals(Status.NA, app.status());
        assertTrue(app.log().get(0).startsWith("warn: status of vm1: "), app.log().toString());
    }

    @Test
    void anAnswerIsCachedPerContainerForTheNextStatus() throws Exception {
        fixture.hostStarted();
        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.UP, Status.UP));
        fixture.actions.status(SERVICE, true);
        Path cache = fixture.engine.actionLog(SERVICE).resolveSibling("encap.container#1.json");
        assertTrue(Files.exists(cache));
        fixture.world.clearCalls();

        fixture.agent("container#1").status = ok(guestStatus("vm1", Status.DOWN, Status.DOWN));
        assertEquals(Status.UP, fixture.actions.status(SERVICE, false).encap().get("container#1").avail());
        assertEquals(List.of(), statusRequests(), "the cache is fresh");

        assertEquals(Status.DOWN, fixture.actions.status(SERVICE, true).encap().get("container#1").avail());
        assertEquals(2, statusRequests().size(), "refreshed");
    }

    @Test
    void aServiceWithoutEncapsulationHasTheEnginesStatus() {
        fixture.store.create("plain", ConfigReader.read("[ip#1]\ntype = mem\n",
                "plain.conf"), true, null);
        ServiceStatus status = fixture.actions.status("plain", true);
        assertEquals(fixture.engine.status("plain", false), status);
        assertEquals(List.of(), fixture.world.calls());
    }
}
