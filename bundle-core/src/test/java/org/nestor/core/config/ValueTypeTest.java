package org.nestor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValueTypeTest {

    @Test
    void durationsConvertToSeconds() {
        assertEquals(90L, ValueType.DURATION.convert("90"));
        assertEquals(30L, ValueType.DURATION.convert("30s"));
        assertEquals(5400L, ValueType.DURATION.convert("1h30m"));
        assertEquals(2 * 86400L + 604800L, ValueType.DURATION.convert("1w2d"));
        assertEquals("'1x' is not a duration (like 90, 30s, 5m, 1h30m, 2d)",
                assertThrows(IllegalArgumentException.class, () -> ValueType.DURATION.convert("1x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueType.DURATION.convert("m5"));
    }

    @Test
    void sizesConvertToBytes() {
        assertEquals(512L, ValueType.SIZE.convert("512"));
        assertEquals(100L * 1024 * 1024, ValueType.SIZE.convert("100M"));
        assertEquals(2L * 1024 * 1024 * 1024, ValueType.SIZE.convert("2GiB"));
        assertEquals(10_000L, ValueType.SIZE.convert("10KB"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.SIZE.convert("ten"));
    }

    @Test
    void booleansIntegersAndLists() {
        assertEquals(true, ValueType.BOOL.convert("Yes"));
        assertEquals(false, ValueType.BOOL.convert("off"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.BOOL.convert("maybe"));
        assertEquals(-3L, ValueType.INT.convert("-3"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.INT.convert("3.5"));
        assertEquals(List.of("a", "b"), ValueType.LIST.convert(" a  b "));
        assertEquals(List.of(), ValueType.LIST.convert(""));
    }
}
