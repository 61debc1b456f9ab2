package org.nestor.core.store;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every configuration the store installs (create, set, unset, a copy pulled from a guest
 * or a peer, a peer's push), once it is written, on the thread that made the change. A listener
 * adds itself to the store ({@link ServiceStore#addListener}) rather than being a whiteboard
 * service: the pool's replication, the first listener, needs the store itself, and a reference
 * cycle between DS components is what SCR resolves worst.
 */
@ConsumerType
public interface ServiceStoreListener {

    /**
     * @param progress where to say what the listener does about it, as the change's own progress
     */
    void changed(String service, ChangeOrigin origin, Consumer<String> progress);
}
