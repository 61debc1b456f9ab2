package org.nestor.core.action;

import org.nestor.core.store.ServiceStore;

/**
 * A layer over the action engine (bundle-encap's master/slave dispatch): a whiteboard service in
 * Karaf, whose arrival puts it between the {@code svc:*} commands and the engine at once; listed in
 * {@code META-INF/services/org.nestor.core.action.ActionLayer} for {@code bin/nestor}.
 */
public interface ActionLayer {

    ServiceActions over(ServiceActions engine, ServiceStore store);
}
