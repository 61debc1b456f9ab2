package org.nestor.encap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nestor.encap.internal.EncapFixture.SERVICE;
import static org.nestor.encap.internal.EncapFixture.guestStatus;
import static org.nestor.encap.internal.EncapFixture.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.internal.sync.NewestConfigSync;
import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

/** semantics.md "Trust between hypervisor and guests": what a guest sends is bounded, untrusted input. */
class GuestInputTest {

    @TempDir
    Path base;

    private EncapFixture fixture;
    private EncapFixture.Agent vm1;

    @BeforeEach
    void setUp() {
        fixture = new EncapFixture(base);
        vm1 = fixture.agent("container#1");
        fixture.hostStarted();
    }

    private ServiceStatus vm1Status() {
        return fixture.actions.status(SERVICE, true).encap().get("container#1");
    }

    private static void assertNaBecause(ServiceStatus guest, String reason) {
        ResourceState app = guest.resources().get("app#1");
        assertEquals(Status.NA, app.status());
        assertTrue(app.log().stream().anyMatch(line -> line.contains(reason)), app.log().toString());
    }

    @Test
    void aHugeStatusIsNaNotRead() {
        vm1.status = ok("{\"service\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}");
        assertNaBecause(vm1Status(), "status of vm1 refused: 52428815 bytes, more than 1048576");
        assertEquals(Status.UP, fixture.actions.status(SERVICE, true).encap().get("container#2").avail());
    }

    @Test
    void malformedOrTooDeepStatusesAreNa() {
        vm1.status = ok("{\"service\": \"web\", \"resources\": ");
        assertNaBecause(vm1Status(), "status of vm1: not a service status document");
        vm1.status = ok("[".repeat(100_000));
        assertNaBecause(vm1Status(), "status of vm1: not a service status document");
        vm1.status = ok("{\"service\": 42}");
        assertNaBecause(vm1Status(), "status of vm1: not a service status document");
    }

    @Test
    void onlyTheServicesEncapsulatedRidsAreTakenAndTheirTextsCleaned() {
        String status = guestStatus("vm1", Status.UP, Status.UP)
                .replace("\"mem app#1\"", "\"\\u001b]0;owned\\u0007mem \\u001b[31mapp#1\\u001b[0m\\r\"")
                .replace("\"resources\" : {", "\"resources\" : {\"ip#1\": {\"status\": \"down\", \"type\": \"ip\", "
                        + "\"label\": \"forged\", \"flags\": \"........\", \"log\": [\"\\u001b[2Jwarn: forged\"], "
                        + "\"tags\": [], \"standby\": false, \"optional\": false, \"disable\": false, "
                        + "\"encap\": false}, ");
        assertTrue(status.contains("forged") && status.contains("owned"), status);
        vm1.status = ok(status);

        ServiceStatus guest = vm1Status();

        assertEquals(List.of("fs#2", "app#1"), List.copyOf(guest.resources().keySet()), "ip#1 is the host's");
        assertEquals("mem app#1", guest.resources().get("app#1").label());
        assertEquals("vm1", guest.node());
        assertEquals(Map.of(), guest.encap());
    }

    @Test
    void aGuestThatNeverAnswersIsNaWithinTheTimeout() {
        vm1.statusAnswer = () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(guestStatus("vm1", Status.UP, Status.UP));
        };
        GuestStatuses statuses = new GuestStatuses(fixture.engine, fixture.store,
                new ConfigReconciler(fixture.engine, new NewestConfigSync(fixture.store, fixture.engine)),
                Duration.ofMillis(200));
        long started = System.nanoTime();

        ServiceStatus folded = statuses.fold(SERVICE, fixture.engine.status(SERVICE, true),
                fixture.engine.encapsulation(SERVICE), true);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
        assertNaBecause(folded.encap().get("container#1"), "status of vm1 not fetched: no answer within");
        assertEquals(Status.UP, folded.encap().get("container#2").avail(), "vm2 answered");
    }

    @Test
    void relayedOutputIsBoundedAndCleanedOfEscapes() {
        vm1.action = ok("\u001B]0;pwned\u0007\u001B[2J\u001B[1;1Hstarted\r\n" + "y".repeat(200_000) + "\n");
        fixture.actions.run(SERVICE, ServiceAction.START, ActionOptions.all(fixture.output::add));

        List<String> relayed = fixture.messages().stream().filter(m -> m.startsWith("INFO vm1: ")).toList();
        assertEquals("INFO vm1: started", relayed.get(0));
        assertTrue(relayed.get(1).endsWith("... (" + (29 + 200_001 - GuestRelay.MAX_OUTPUT) + " bytes cut)"),
                relayed.get(1).substring(relayed.get(1).length() - 40));
        assertTrue(String.join("\n", relayed).length() < GuestRelay.MAX_OUTPUT + 200);
        assertFalse(fixture.output.stream().anyMatch(line -> line.chars().anyMatch(c -> c < 0x20 && c != '\t')),
                "no control character reaches the terminal");
    }

    @Test
    void aHugeGuestCopyIsRefusedBeforeItIsRead() {
        vm1.edit("[DEFAULT]\n#" + "x".repeat(2 * 1024 * 1024) + "\n", 9_999_999_999L);
        ActionException refused = assertThrows(ActionException.class,
                () -> fixture.actions.pushConfig(SERVICE, List.of("vm1"), false, fixture.output::add));
        assertTrue(refused.getMessage().startsWith("configuration of web in vm1 refused: 2097164 bytes, more than "
                + "1048576"), refused.getMessage());
    }
}
