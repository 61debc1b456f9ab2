package org.nestor.core.store;

import org.osgi.annotation.versioning.ProviderType;

/** A held service lock; closing releases it. */
@ProviderType
public interface ServiceLock extends AutoCloseable {

    @Override
    void close();
}
