package org.nestor.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgumentVectorTest {

    @Test
    void splitsLikeAShellWithoutItsExpansions() {
        assertEquals(List.of("/bin/sh", "-c", "echo $HOME > /tmp/x", "a b", "it's", "\"q\"", "c\\d", "e f"),
                ArgumentVector.parse("  /bin/sh -c 'echo $HOME > /tmp/x' \"a b\" it\\'s \"\\\"q\\\"\" 'c\\d' e\\ f "));
        assertEquals(List.of(), ArgumentVector.parse("   "));
        assertEquals(List.of("ab"), ArgumentVector.parse("a''b"));
    }

    @Test
    void unterminatedQuotesAreErrors() {
        assertEquals("unterminated ' in: echo 'x",
                assertThrows(IllegalArgumentException.class, () -> ArgumentVector.parse("echo 'x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArgumentVector.parse("echo \"x"));
        assertThrows(IllegalArgumentException.class, () -> ArgumentVector.parse("echo x\\"));
    }
}
