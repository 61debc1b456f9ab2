package org.nestor.encap.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Text that comes from a guest (relayed output, status labels and logs, error messages) made safe
 * to log and to print on a terminal: bounded, and without control characters or terminal escape
 * sequences, which a compromised guest could use to rewrite what an administrator sees.
 */
final class GuestText {

    /** ESC sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) up to BEL or ST, and two-byte ones. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[@-_]?|\u009B[0-?]*[ -/]*[@-~]");

    private GuestText() {
    }

    /** The text with escape sequences and control characters removed (newlines and tabs kept). */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String unescaped = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(unescaped.length());
        unescaped.codePoints().filter(c -> c == '\n' || c == '\t' || !isControl(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** One line of it: {@link #clean}, and newlines and tabs made spaces. */
    static String line(String text) {
        return text == null ? null : clean(text).replace('\n', ' ').replace('\t', ' ');
    }

    /** At most {@code maxBytes} of the text (UTF-8), then {@code "... (N bytes cut)"}. */
    static String bounded(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        String kept = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
        // a character cut in two decodes as U+FFFD: drop it
        if (kept.endsWith("\uFFFD")) {
            kept = kept.substring(0, kept.length() - 1);
        }
        return kept + "... (" + (bytes.length - kept.getBytes(StandardCharsets.UTF_8).length) + " bytes cut)";
    }

    /** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows. */
    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
