package org.nestor.core.sync;

import org.nestor.core.store.ChangeOrigin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A party holding a copy of a service's configuration that this node synchronises with: a peer
 * of the pool, a guest of the service. Every method may throw a RuntimeException when the party
 * cannot be reached; the synchronisation then says so and goes on with the others.
 */
@ConsumerType
public interface ConfigPeer {

    /** Its name, in what the synchronisation says (a node, a container). */
    String name();

    /** The resource the lines about it are logged under (a guest's container), or null for the service. */
    String rid();

    /** What a copy taken from it counts as, for the store's listeners. */
    ChangeOrigin origin();

    /** Why its newer copy must not be installed here (a DR node's on a node), or null when it may. */
    String refusesToGive();

    /** Whether it may take this node's copy when its own is older. */
    boolean takes();

    /** Its copy's version, or null when it has none. */
    ConfigVersion version(String service);

    /** Its copy's text. */
    String read(String service);

    /** Installs this node's copy there, with that copy's version. */
    void install(String service, byte[] text, long version);
}
