package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.ValueType;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code disk.vg}: an LVM volume group activated exclusively through host tags. */
@Component(service = ResourceDriver.class)
public class VgDriver extends DriverSupport {

    static final String TYPE = "vg";

    public VgDriver() {
        super("disk", TYPE, List.of(StorageKeywords.of("disk", TYPE, "name", ValueType.STRING, "The volume group")),
                VolumeGroup::new);
    }
}
