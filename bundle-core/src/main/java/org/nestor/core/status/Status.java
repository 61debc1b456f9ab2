package org.nestor.core.status;

import java.util.Arrays;

/**
 * A status value and its merge algebra (OpenSVC's): symmetric, {@code undef} neutral, {@code warn}
 * absorbing. Two internal values remember that a {@code stdby up} was merged with an {@code up}
 * or a {@code down}, so that a later {@code down} (resp. {@code up}) turns the result into
 * {@code warn}; they render as {@code up} and {@code stdby up}.
 */
public enum Status {
    UP("up"),
    DOWN("down"),
    WARN("warn"),
    NA("n/a"),
    UNDEF("undef"),
    STDBY_UP("stdby up"),
    STDBY_DOWN("stdby down"),
    STDBY_UP_WITH_UP("up"),
    STDBY_UP_WITH_DOWN("stdby up");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** How it is shown and written in JSON. */
    public String label() {
        return label;
    }

    /** The value for a label written by {@link #label()}; the internal values read back as their rendering. */
    public static Status of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status '" + label + "'"));
    }

    /** What a standby resource reports for this value. */
    public Status asStandby() {
        return switch (this) {
            case UP -> STDBY_UP;
            case DOWN -> STDBY_DOWN;
            default -> this;
        };
    }

    public boolean isUp() {
        return this == UP || this == STDBY_UP_WITH_UP;
    }

    public Status merge(Status other) {
        if (this == other) {
            return this;
        }
        if (this == UNDEF) {
            return other;
        }
        if (other == UNDEF) {
            return this;
        }
        if (this == WARN || other == WARN) {
            return WARN;
        }
        // order the pair so that each combination is written once
        Status a = ordinal() < other.ordinal() ? this : other;
        Status b = a == this ? other : this;
        return switch (a) {
            case UP -> switch (b) {
                case DOWN, STDBY_DOWN, STDBY_UP_WITH_DOWN -> WARN;
                case NA -> UP;
                default -> STDBY_UP_WITH_UP; // stdby up, stdby up with up
            };
            case DOWN -> switch (b) {
                case NA -> DOWN;
                case STDBY_DOWN -> STDBY_DOWN;
                case STDBY_UP_WITH_UP -> WARN;
                default -> STDBY_UP_WITH_DOWN; // stdby up, stdby up with down
            };
            case NA -> b; // stdby up, stdby down and the internal values keep themselves
            case STDBY_UP -> switch (b) {
                case STDBY_DOWN -> WARN;
                default -> b; // the internal values already hold a stdby up
            };
            default -> WARN; // stdby down with an internal value, or the two internal values
        };
    }
}
