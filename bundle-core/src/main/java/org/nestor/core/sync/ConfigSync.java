package org.nestor.core.sync;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one synchronisation of a service's configuration between this node and other parties (pool
 * peers, guests), as semantics.md says: the newest edit wins, nothing is merged. The newest
 * differing copy among the parties is installed here with its own version (a copy of 60 bytes or
 * less is an empty one and is refused), then given to every party whose copy is older. An edit
 * made since the last agreement and overwritten so is said, with its time.
 */
@ProviderType
public interface ConfigSync {

    /**
     * @param dryRun say what would move, move nothing
     * @param output receives the lines also written to the service's action log
     * @return the parties that could not be reached (they keep their copy)
     */
    List<String> sync(String service, List<? extends ConfigPeer> peers, boolean dryRun, Consumer<String> output);
}
