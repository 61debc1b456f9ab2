package org.nestor.core.spi;

/** A driver of the {@code container} group: its resources are guests Nestor can relay into. */
public interface ContainerDriver extends ResourceDriver {

    @Override
    default String group() {
        return "container";
    }

    @Override
    ContainerResource create(ResourceContext context) throws ResourceException;
}
