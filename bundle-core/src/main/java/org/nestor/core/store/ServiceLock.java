package org.nestor.core.store;

/** A held service lock; closing releases it. */
public interface ServiceLock extends AutoCloseable {

    @Override
    void close();
}
