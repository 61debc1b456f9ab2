package org.nestor.core.internal.action;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.nestor.core.action.ActionLayer;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Encapsulation;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.store.ServiceStore;
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
public class LayeredActions implements ServiceActions {

    private final ServiceEngine engine;
    private final ServiceStore store;
    private volatile ServiceActions current;

    @Activate
    public LayeredActions(@Reference ServiceEngine engine, @Reference ServiceStore store) {
        this.engine = engine;
        this.store = store;
        this.current = engine;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLayer(ActionLayer layer) {
        current = layer.over(engine, store);
    }

    void unsetLayer(ActionLayer layer) {
        current = engine;
    }

    @Override
    public void run(String service, ServiceAction action, ActionOptions options) {
        current.run(service, action, options);
    }

    @Override
    public ServiceStatus status(String service, boolean refresh) {
        return current.status(service, refresh);
    }

    @Override
    public void setFrozen(String service, boolean frozen) {
        current.setFrozen(service, frozen);
    }

    @Override
    public Path actionLog(String service) {
        return current.actionLog(service);
    }

    @Override
    public void log(String service, String rid, String level, String message, Consumer<String> output) {
        current.log(service, rid, level, message, output);
    }

    @Override
    public Encapsulation encapsulation(String service) {
        return current.encapsulation(service);
    }

    @Override
    public boolean pushConfig(String service, List<String> slaves, Consumer<String> output) {
        return current.pushConfig(service, slaves, output);
    }
}
