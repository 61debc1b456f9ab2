package org.nestor.storage.internal;

import java.util.ArrayList;
import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Component;

/** {@code sync.btrfs}: a subvolume's read-only snapshots sent incrementally to the target nodes. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=sync." + BtrfsDriver.TYPE)
public class BtrfsDriver implements ResourceDriver {

    static final String TYPE = "btrfs";

    private static final List<Keyword> KEYWORDS = declareKeywords();

    @Override
    public String group() {
        return "sync";
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
        return new BtrfsSync(context);
    }

    private static List<Keyword> declareKeywords() {
        List<Keyword> keywords = new ArrayList<>(SyncTargets.keywords(TYPE));
        keywords.add(StorageKeywords.of("sync", TYPE, "src", ValueType.STRING, "The btrfs subvolume to send"));
        keywords.add(StorageKeywords.of("sync", TYPE, "dst", ValueType.STRING, "The directory of a btrfs filesystem "
                + "on the target nodes that receives the snapshots"));
        keywords.add(StorageKeywords.of("sync", TYPE, "keep", ValueType.INT, "Snapshots kept on each side (at least "
                + "2: the newest is the next send's parent)").withDefault("2"));
        return List.copyOf(keywords);
    }
}
