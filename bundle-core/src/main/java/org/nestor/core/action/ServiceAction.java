package org.nestor.core.action;

import java.util.Locale;

/** The actions the engine runs on a service's resources. */
public enum ServiceAction {
    START, STOP, RESTART;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
