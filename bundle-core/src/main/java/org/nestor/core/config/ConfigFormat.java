package org.nestor.core.config;

import java.util.Locale;

/** The two written forms of a service configuration. */
public enum ConfigFormat {
    INI, JSON;

    /** Parses a user-given format name ({@code ini} or {@code json}), naming the bad value when it fails. */
    public static ConfigFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "': expected ini or json", e);
        }
    }
}
