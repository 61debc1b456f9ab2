package org.nestor.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nestor.core.status.Status.DOWN;
import static org.nestor.core.status.Status.NA;
import static org.nestor.core.status.Status.STDBY_DOWN;
import static org.nestor.core.status.Status.STDBY_UP;
import static org.nestor.core.status.Status.STDBY_UP_WITH_DOWN;
import static org.nestor.core.status.Status.STDBY_UP_WITH_UP;
import static org.nestor.core.status.Status.UNDEF;
import static org.nestor.core.status.Status.UP;
import static org.nestor.core.status.Status.WARN;

import org.junit.jupiter.api.Test;

/** The merge table of semantics.md, "Status", checked in both orders. */
class StatusTest {

    private static void merges(Status a, Status b, Status expected) {
        assertEquals(expected, a.merge(b), a + " + " + b);
        assertEquals(expected, b.merge(a), b + " + " + a);
    }

    @Test
    void theTableOfSemantics() {
        merges(UP, UP, UP);
        merges(UP, DOWN, WARN);
        merges(UP, NA, UP);
        merges(UP, STDBY_UP, STDBY_UP_WITH_UP);
        merges(UP, STDBY_DOWN, WARN);
        merges(DOWN, DOWN, DOWN);
        merges(DOWN, NA, DOWN);
        merges(DOWN, STDBY_UP, STDBY_UP_WITH_DOWN);
        merges(DOWN, STDBY_DOWN, STDBY_DOWN);
        merges(NA, NA, NA);
        merges(NA, STDBY_UP, STDBY_UP);
        merges(NA, STDBY_DOWN, STDBY_DOWN);
        merges(STDBY_UP, STDBY_UP, STDBY_UP);
        merges(STDBY_UP, STDBY_DOWN, WARN);
        merges(STDBY_DOWN, STDBY_DOWN, STDBY_DOWN);
    }

    @Test
    void undefIsNeutralAndWarnAbsorbs() {
        for (Status value : Status.values()) {
            merges(UNDEF, value, value);
            merges(WARN, value, value == UNDEF ? WARN : WARN);
        }
    }

    @Test
    void theInternalValuesRememberWhatAStandbyUpWasMergedWith() {
        assertEquals("up", STDBY_UP_WITH_UP.label());
        assertEquals("stdby up", STDBY_UP_WITH_DOWN.label());
        merges(STDBY_UP_WITH_UP, DOWN, WARN);
        merges(STDBY_UP_WITH_UP, UP, STDBY_UP_WITH_UP);
        merges(STDBY_UP_WITH_UP, NA, STDBY_UP_WITH_UP);
        merges(STDBY_UP_WITH_UP, STDBY_UP, STDBY_UP_WITH_UP);
        merges(STDBY_UP_WITH_UP, STDBY_DOWN, WARN);
        merges(STDBY_UP_WITH_DOWN, UP, WARN);
        merges(STDBY_UP_WITH_DOWN, DOWN, STDBY_UP_WITH_DOWN);
        merges(STDBY_UP_WITH_DOWN, NA, STDBY_UP_WITH_DOWN);
        merges(STDBY_UP_WITH_DOWN, STDBY_UP, STDBY_UP_WITH_DOWN);
        merges(STDBY_UP_WITH_DOWN, STDBY_DOWN, WARN);
        merges(STDBY_UP_WITH_UP, STDBY_UP_WITH_DOWN, WARN);
        // a standby resource up beside a normal one down, then another up: warn
        assertEquals(WARN, DOWN.merge(STDBY_UP).merge(UP));
        assertEquals(WARN, UP.merge(STDBY_UP).merge(DOWN));
    }

    @Test
    void standbyRenderingAndLabels() {
        assertEquals(STDBY_UP, UP.asStandby());
        assertEquals(STDBY_DOWN, DOWN.asStandby());
        assertEquals(NA, NA.asStandby());
        assertEquals(STDBY_DOWN, Status.of("stdby down"));
        assertEquals(NA, Status.of("n/a"));
    }
}
