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

/** {@code sync.rsync}: files copied to the target nodes with rsync over the pool's SSH. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=sync." + RsyncDriver.TYPE)
public class RsyncDriver implements ResourceDriver {

    static final String TYPE = "rsync";

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
        return new RsyncSync(context);
    }

    private static List<Keyword> declareKeywords() {
        List<Keyword> keywords = new ArrayList<>(SyncTargets.keywords(TYPE));
        keywords.add(StorageKeywords.of("sync", TYPE, "src", ValueType.LIST, "Files and directories to send"));
        keywords.add(StorageKeywords.of("sync", TYPE, "dst", ValueType.STRING, "Where they go on the target nodes"));
        keywords.add(StorageKeywords.of("sync", TYPE, "options", ValueType.STRING, "More rsync arguments (an "
                + "argument vector), after -a --delete"));
        return List.copyOf(keywords);
    }
}
