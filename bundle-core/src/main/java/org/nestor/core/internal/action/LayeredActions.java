package org.nestor.core.internal.action;

import org.nestor.core.action.ActionLayer;
import org.nestor.core.action.ForwardingServiceActions;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link ServiceActions} service of Karaf: the engine, or the {@link ActionLayer} installed over
 * it (bundle-encap), switched as the layer comes and goes without the commands noticing.
 */
@Component(service = ServiceActions.class)
public class LayeredActions extends ForwardingServiceActions {

    private final ServiceEngine engine;
    private final ServiceStore store;
    private final ConfigSync sync;
    private volatile ServiceActions current;

    @Activate
    public LayeredActions(@Reference ServiceEngine engine, @Reference ServiceStore store, @Reference ConfigSync sync) {
        this.engine = engine;
        this.store = store;
        this.sync = sync;
        this.current = engine;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLayer(ActionLayer layer) {
        current = layer.over(engine, store, sync);
    }

    void unsetLayer(ActionLayer layer) {
        current = engine;
    }

    @Override
    protected ServiceActions delegate() {
        return current;
    }
}
