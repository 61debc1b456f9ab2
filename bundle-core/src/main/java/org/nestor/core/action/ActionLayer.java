package org.nestor.core.action;

import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A layer over the action engine (bundle-encap's master/slave dispatch): a whiteboard service in
 * Karaf, whose arrival puts it between the {@code svc:*} commands and the engine at once; listed in
 * {@code META-INF/services/org.nestor.core.action.ActionLayer} for {@code bin/nestor}.
 */
@ConsumerType
public interface ActionLayer {

    /**
     * @param sync the configuration sync a layer reconciles its guests' copies with
     */
    ServiceActions over(ServiceActions engine, ServiceStore store, ConfigSync sync);
}
