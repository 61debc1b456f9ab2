package org.nestor.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/** The drivers installed now, by type. */
@ProviderType
public interface Drivers {

    /** The driver of {@code <group>.<type>} (aliases resolved), or null when none is installed. */
    ResourceDriver driver(String driverType);
}
