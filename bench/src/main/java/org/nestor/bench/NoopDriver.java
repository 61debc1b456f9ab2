package org.nestor.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nestor.core.config.Keyword;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * An in-process driver of type {@code noop} for one group: start and stop flip a flag in memory,
 * so a benchmark of the engine measures the engine alone.
 */
final class NoopDriver implements ResourceDriver {

    private final String group;
    private final Map<String, Boolean> up = new ConcurrentHashMap<>();

    NoopDriver(String group) {
        this.group = group;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String type() {
        return "noop";
    }

    @Override
    public List<Keyword> keywords() {
        return List.of();
    }

    @Override
    public Resource create(ResourceContext context) {
        String key = context.service() + "/" + context.rid();
        return new Resource() {
            @Override
            public void start() {
                up.put(key, true);
            }

            @Override
            public void stop() {
                up.put(key, false);
            }

            @Override
            public ResourceStatus status() {
                return ResourceStatus.of(up.getOrDefault(key, false) ? Status.UP : Status.DOWN);
            }

            @Override
            public String label() {
                return "noop " + key;
            }
        };
    }
}
