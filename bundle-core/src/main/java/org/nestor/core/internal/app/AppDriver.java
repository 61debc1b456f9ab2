package org.nestor.core.internal.app;

import java.util.List;

import org.nestor.core.config.Inheritance;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Component;

/**
 * The built-in {@code app} resource: an application started, stopped and checked by argument
 * vectors run on this node.
 */
@Component
public class AppDriver implements ResourceDriver {

    private static final String GROUP = "app";
    private static final String TYPE = "forking";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Keyword> keywords() {
        return List.of(
                keyword("start", ValueType.STRING, "Argument vector that starts the application").asScopable(),
                keyword("stop", ValueType.STRING, "Argument vector that stops the application").asScopable(),
                keyword("check", ValueType.STRING,
                        "Argument vector whose exit code tells the status: 0 up, 1 down, else warn").asScopable(),
                keyword("timeout", ValueType.DURATION, "Longest a start, stop or check may run")
                        .asScopable().withInheritance(Inheritance.LEAF_HEAD).withDefault("60s"),
                keyword("cwd", ValueType.STRING, "Working directory of the commands").asScopable(),
                keyword("environment", ValueType.LIST, "KEY=VALUE words added to the commands' environment")
                        .asScopable());
    }

    @Override
    public Resource create(ResourceContext context) throws ResourceException {
        return new AppResource(context);
    }

    private static Keyword keyword(String name, ValueType valueType, String description) {
        return Keyword.of(GROUP, name, valueType, description).forType(TYPE);
    }
}
