package org.nestor.core.internal.config;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/** A container driver declaring a few keywords, as a driver bundle would. */
public record TestDriver(String type, List<String> aliases) implements ResourceDriver {

    public static DriverRegistry dictionaryWith(ResourceDriver... drivers) {
        DriverRegistry dictionary = new DriverRegistry();
        dictionary.addDriver(new org.nestor.core.internal.app.AppDriver());
        for (ResourceDriver driver : drivers) {
            dictionary.addDriver(driver);
        }
        return dictionary;
    }

    @Override
    public String group() {
        return "container";
    }

    @Override
    public List<Keyword> keywords() {
        return List.of(
                Keyword.of("container", "image", ValueType.STRING, "Image to run").forType(type).asScopable(),
                Keyword.of("container", "name", ValueType.STRING, "Container name").forType(type),
                Keyword.of("container", "start_timeout", ValueType.DURATION, "Start timeout").forType(type)
                        .withDefault("240s"));
    }

    /** A container that is never there: enough for the configuration tests. */
    @Override
    public Resource create(ResourceContext context) {
        return new Resource() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }

            @Override
            public ResourceStatus status() {
                return ResourceStatus.of(Status.NA);
            }

            @Override
            public String label() {
                return context.string("image");
            }
        };
    }
}
