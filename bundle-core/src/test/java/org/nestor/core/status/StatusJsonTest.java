package org.nestor.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatusJsonTest {

    private static ServiceStatus status(String node, Status avail, ResourceState... resources) {
        Map<String, ResourceState> byRid = new LinkedHashMap<>();
        for (ResourceState resource : resources) {
            byRid.put(resource.rid(), resource);
        }
        return new ServiceStatus("web", node, Instant.parse("2026-11-24T10:00:00Z"), "failover", false, avail, avail,
                Status.NA, byRid);
    }

    private static ResourceState resource(String rid, Status status, boolean encap) {
        return new ResourceState(rid, "app.forking", "label", status, encap ? "....E..." : "........",
                List.of("info: x"), List.of("t1"), false, false, false, encap);
    }

    @Test
    void guestsAreNestedFoldedIntoTheAvailabilityAndReadBack() {
        ServiceStatus host = status("hv1", Status.UP, resource("container#1", Status.UP, false));
        ServiceStatus guest = status("vm1", Status.DOWN, resource("app#1", Status.DOWN, true));
        ServiceStatus folded = host.withGuests(Map.of("container#1", guest));
        assertEquals(Status.WARN, folded.avail(), "up here and down in the guest");
        String json = StatusJson.write(folded);
        assertTrue(json.contains("\"encap\" : {"), json);
        ServiceStatus read = StatusJson.read(json);
        assertEquals(folded, read);
        assertEquals("vm1", read.encap().get("container#1").node());
    }

    @Test
    void aStatusWithoutGuestsHasNoEncapSectionAndBadTextIsRefused() {
        ServiceStatus plain = status("hv1", Status.UP, resource("app#1", Status.UP, false));
        assertTrue(!StatusJson.write(plain).contains("\"encap\" : {"));
        assertEquals(plain, StatusJson.read(StatusJson.write(plain)));
        assertThrows(IllegalArgumentException.class, () -> StatusJson.read("{\"service\": 3}"));
    }
}
