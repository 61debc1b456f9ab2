package org.nestor.encap.internal;

import org.nestor.core.action.ActionLayer;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;
import org.osgi.service.component.annotations.Component;

/** The encapsulation layer over the engine: a whiteboard service in Karaf, found by ServiceLoader in bin/nestor. */
@Component(service = ActionLayer.class)
public class EncapLayer implements ActionLayer {

    @Override
    public ServiceActions over(ServiceActions engine, ServiceStore store, ConfigSync sync) {
        return new EncapActions(engine, store, sync);
    }
}
