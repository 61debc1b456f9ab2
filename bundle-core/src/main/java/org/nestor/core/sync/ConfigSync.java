package org.nestor.core.sync;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one synchronisation of a service's configuration between this node and other parties (pool
 * peers, guests), as semantics.md says: the newest edit wins, nothing is merged. The newest
 * differing copy among the parties is installed here with its own version (a copy of 60 bytes or
 * less is an empty one and is refused), then given to every party whose copy is older. An edit
 * made since the last agreement and overwritten so is said, with its time.
 *
 * <p>A copy from a party whose origin is {@link org.nestor.core.store.ChangeOrigin#GUEST} may
 * change only what runs inside the guests ("Trust between hypervisor and guests"): one that changes
 * the hypervisor view is refused, said naming what it may not change, and neither installed here
 * nor overwritten there, until it is resolved (the guest's copy no longer changes the view, or
 * {@link #give} replaces it). This node's copy widens the trust with {@code encap_config_trust = full}.
 */
@ProviderType
public interface ConfigSync {

    /**
     * @param dryRun say what would move, move nothing
     * @param output receives the lines also written to the service's action log
     * @return the parties that could not be reached (they keep their copy)
     */
    List<String> sync(String service, List<? extends ConfigPeer> peers, boolean dryRun, Consumer<String> output);

    /**
     * Gives this node's copy to every party whose copy differs, whatever its time or a standing
     * refusal: an administrator's {@code --force}.
     *
     * @return the parties that could not be reached (they keep their copy)
     */
    List<String> give(String service, List<? extends ConfigPeer> peers, Consumer<String> output);

    /** The parties whose copy stands refused, by name, each with what its copy may not change. */
    Map<String, List<String>> refusals(String service);
}
