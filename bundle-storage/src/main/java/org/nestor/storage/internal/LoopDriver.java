package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Component;

/** {@code disk.loop}: an image file attached to a loop device. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=disk." + LoopDriver.TYPE)
public class LoopDriver implements ResourceDriver {

    static final String TYPE = "loop";

    private static final List<Keyword> KEYWORDS = List.of(
            StorageKeywords.of("disk", TYPE, "file", ValueType.STRING, "The image file (absolute path)"),
            StorageKeywords.of("disk", TYPE, "size", ValueType.SIZE, "Size of the sparse file svc provision "
                    + "creates when it is missing (300M, 2G)"));

    @Override
    public String group() {
        return "disk";
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Keyword> keywords() {
        return KEYWORDS;
    }

    @Override
    public Resource create(ResourceContext context) throws ResourceException {
        return new LoopDisk(context);
    }
}
