package org.nestor.itests;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/** A container driver as a driver bundle would register it; its containers are entries of a map. */
public final class ItestDriver implements ResourceDriver {

    /** Which containers are up, by service and rid. */
    final Map<String, Boolean> up = new ConcurrentHashMap<>();

    @Override
    public String group() {
        return "container";
    }

    @Override
    public String type() {
        return "itest";
    }

    @Override
    public List<Keyword> keywords() {
        return List.of(Keyword.of("container", "image", ValueType.STRING, "Image of the test container")
                .forType("itest"));
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
                return "itest " + context.string("image");
            }
        };
    }
}
