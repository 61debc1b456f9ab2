package org.nestor.core.spi;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What most drivers are: a group, a type, the keywords of that type and the way a resource is made
 * from its context. A driver component extends it and passes these to the constructor.
 */
@ConsumerType
public abstract class DriverSupport implements ResourceDriver {

    /** Makes the handle of one resource. */
    @FunctionalInterface
    @ConsumerType
    public interface Factory {
        Resource create(ResourceContext context) throws ResourceException;
    }

    private final String group;
    private final String type;
    private final List<Keyword> keywords;
    private final Factory factory;

    protected DriverSupport(String group, String type, List<Keyword> keywords, Factory factory) {
        this.group = group;
        this.type = type;
        this.keywords = List.copyOf(keywords);
        this.factory = factory;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<Keyword> keywords() {
        return keywords;
    }

    @Override
    public Resource create(ResourceContext context) throws ResourceException {
        return factory.create(context);
    }
}
