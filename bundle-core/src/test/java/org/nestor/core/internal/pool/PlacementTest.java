package org.nestor.core.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void peersAreTheOtherNodesThenTheDrpNodesOnce() {
        Placement placement = new Placement("n2", List.of("n1", "n2"), List.of("d1", "n1"), "failover", false);
        assertEquals(List.of("n1", "d1"), placement.peers());
        assertEquals("n1", placement.leader());
        assertTrue(placement.drpOnly("d1"));
        assertFalse(placement.drpOnly("n1"));
        assertTrue(placement.failover());
    }

    @Test
    void aGuestHasNoPeers() {
        Placement guest = new Placement("vm1", List.of("vm1"), List.of(), "failover", true);
        assertEquals(List.of(), guest.peers());
        assertFalse(new Placement("n1", List.of("n1"), List.of(), "flex", false).failover());
    }
}
