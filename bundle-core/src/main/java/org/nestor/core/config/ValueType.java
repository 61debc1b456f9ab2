package org.nestor.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a keyword's value and its conversion from text. Durations convert to seconds and
 * sizes to bytes, so that evaluated JSON carries plain numbers.
 */
public enum ValueType {
    STRING {
        @Override
        public Object convert(String text) {
            return text;
        }
    },
    INT {
        @Override
        public Object convert(String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not an integer");
            }
        }
    },
    BOOL {
        @Override
        public Object convert(String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on", "1":
                    return Boolean.TRUE;
                case "false", "no", "n", "off", "0":
                    return Boolean.FALSE;
                default:
                    throw new IllegalArgumentException("'" + text + "' is not a boolean (true/false, yes/no, on/off, 1/0)");
            }
        }
    },
    /** Whitespace-separated words. */
    LIST {
        @Override
        public Object convert(String text) {
            String trimmed = text.strip();
            return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
        }
    },
    /** {@code 90}, {@code 90s}, {@code 1h30m}, {@code 2d}, {@code 1w}: converted to seconds. */
    DURATION {
        @Override
        public Object convert(String text) {
            String trimmed = text.strip().toLowerCase(Locale.ROOT);
            if (trimmed.matches("\\d+")) {
                return Long.parseLong(trimmed);
            }
            Matcher part = DURATION_PART.matcher(trimmed);
            long seconds = 0;
            int end = 0;
            while (part.find() && part.start() == end) {
                seconds += Long.parseLong(part.group(1)) * unitSeconds(part.group(2));
                end = part.end();
            }
            if (end == 0 || end != trimmed.length()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (like 90, 30s, 5m, 1h30m, 2d)");
            }
            return seconds;
        }
    },
    /** {@code 512}, {@code 100M}, {@code 2GiB}, {@code 10KB}: converted to bytes (K = KiB = 1024, KB = 1000). */
    SIZE {
        @Override
        public Object convert(String text) {
            Matcher size = SIZE_PATTERN.matcher(text.strip());
            if (!size.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a size (like 512, 100M, 2GiB, 10KB)");
            }
            String unit = size.group(2).toUpperCase(Locale.ROOT);
            long base = size.group(3) != null && size.group(3).equals("B") && !unit.isEmpty() ? 1000 : 1024;
            int power = unit.isEmpty() ? 0 : "KMGTP".indexOf(unit) + 1;
            return Math.round(Double.parseDouble(size.group(1)) * Math.pow(base, power));
        }
    };

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(w|d|h|m|s)");
    private static final Pattern SIZE_PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtTpP]?)(iB|B)?");

    private static long unitSeconds(String unit) {
        return switch (unit) {
            case "w" -> 604800;
            case "d" -> 86400;
            case "h" -> 3600;
            case "m" -> 60;
            default -> 1;
        };
    }

    /**
     * Converts the text to this type: String, Long, Boolean or List of String.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public abstract Object convert(String text);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
