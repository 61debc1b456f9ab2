package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.ValueType;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code disk.loop}: an image file attached to a loop device. */
@Component(service = ResourceDriver.class)
public class LoopDriver extends DriverSupport {

    static final String TYPE = "loop";

    public LoopDriver() {
        super("disk", TYPE, List.of(
                StorageKeywords.of("disk", TYPE, "file", ValueType.STRING, "The image file (absolute path)"),
                StorageKeywords.of("disk", TYPE, "size", ValueType.SIZE, "Size of the sparse file svc provision "
                        + "creates when it is missing (300M, 2G)")), LoopDisk::new);
    }
}
