package org.nestor.storage.internal;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;

/** Keyword declarations and reads shared by the storage drivers. */
final class StorageKeywords {

    private StorageKeywords() {
    }

    static Keyword of(String group, String type, String name, ValueType valueType, String description) {
        return Keyword.of(group, name, valueType, description).forType(type).asScopable();
    }

    static String required(ResourceContext context, String keyword) throws ResourceException {
        String value = context.string(keyword);
        if (value == null || value.isBlank()) {
            throw new ResourceException(keyword + " is required");
        }
        return value.strip();
    }
}
