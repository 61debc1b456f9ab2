package org.nestor.core.internal.config;

import org.nestor.core.internal.app.AppDriver;

/** Keyword dictionaries of the core's tests. */
public final class Dictionaries {

    private Dictionaries() {
    }

    /** The dictionary of a node without driver bundles: the core keywords and the built-in app driver. */
    public static DriverRegistry builtIn() {
        DriverRegistry dictionary = new DriverRegistry();
        dictionary.addDriver(new AppDriver());
        return dictionary;
    }
}
