package org.nestor.core.internal.action;

import java.nio.file.Path;
import java.util.Map;

import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceLog;

/** A resource's evaluated section, as its driver sees it. */
record EngineResourceContext(String service, String rid, String node, Map<String, Object> values,
                             Path dataDirectory, ResourceLog log) implements ResourceContext {

    @Override
    public Object value(String keyword) {
        return values.get(keyword);
    }
}
