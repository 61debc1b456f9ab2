package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Component;

/** {@code disk.lv}: one LVM logical volume, activated on start. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=disk." + LvDriver.TYPE)
public class LvDriver implements ResourceDriver {

    static final String TYPE = "lv";

    private static final List<Keyword> KEYWORDS = List.of(
            StorageKeywords.of("disk", TYPE, "name", ValueType.STRING, "The logical volume"),
            StorageKeywords.of("disk", TYPE, "vg", ValueType.STRING, "Its volume group"));

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
        return new LogicalVolume(context);
    }
}
