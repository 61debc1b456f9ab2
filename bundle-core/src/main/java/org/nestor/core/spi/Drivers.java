package org.nestor.core.spi;

/** The drivers installed now, by type. */
public interface Drivers {

    /** The driver of {@code <group>.<type>} (aliases resolved), or null when none is installed. */
    ResourceDriver driver(String driverType);
}
