package org.nestor.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WaitsTest {

    @Test
    void pollsUntilDone() throws ResourceException {
        AtomicInteger polls = new AtomicInteger();
        Waits.until("three polls", Duration.ofSeconds(10), () -> polls.incrementAndGet() == 3, () -> null);
        assertEquals(3, polls.get());
    }

    @Test
    void givesUpOnTheDeadlineNamingWhatItWaitedFor() {
        ResourceException e = assertThrows(ResourceException.class,
                () -> Waits.until("lxc c1 running", Duration.ofMillis(300), () -> false, () -> null));
        assertEquals("timed out after 0s waiting for lxc c1 running", e.getMessage());
    }

    @Test
    void failsEarlyWhenItCanNoLongerHappen() {
        long start = System.nanoTime();
        ResourceException e = assertThrows(ResourceException.class,
                () -> Waits.until("c1 operational", Duration.ofSeconds(60), () -> false, () -> "c1 stopped"));
        assertEquals("gave up waiting for c1 operational: c1 stopped", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    }
}
