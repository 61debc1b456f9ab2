package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.ValueType;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code disk.lv}: one LVM logical volume, activated on start. */
@Component(service = ResourceDriver.class)
public class LvDriver extends DriverSupport {

    static final String TYPE = "lv";

    public LvDriver() {
        super("disk", TYPE, List.of(
                StorageKeywords.of("disk", TYPE, "name", ValueType.STRING, "The logical volume"),
                StorageKeywords.of("disk", TYPE, "vg", ValueType.STRING, "Its volume group")), LogicalVolume::new);
    }
}
