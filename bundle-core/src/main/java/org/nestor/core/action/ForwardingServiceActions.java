package org.nestor.core.action;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.nestor.core.status.ServiceStatus;
import org.osgi.annotation.versioning.ConsumerType;

/** {@link ServiceActions} that hands every call to another: the base of layers over the engine. */
@ConsumerType
public abstract class ForwardingServiceActions implements ServiceActions {

    /** Where the calls go. */
    protected abstract ServiceActions delegate();

    @Override
    public void run(String service, ServiceAction action, ActionOptions options) {
        delegate().run(service, action, options);
    }

    @Override
    public ServiceStatus status(String service, boolean refresh) {
        return delegate().status(service, refresh);
    }

    @Override
    public void setFrozen(String service, boolean frozen) {
        delegate().setFrozen(service, frozen);
    }

    @Override
    public Path actionLog(String service) {
        return delegate().actionLog(service);
    }

    @Override
    public void log(String service, String rid, String level, String message, Consumer<String> output) {
        delegate().log(service, rid, level, message, output);
    }

    @Override
    public Encapsulation encapsulation(String service) {
        return delegate().encapsulation(service);
    }

    @Override
    public boolean pushConfig(String service, List<String> slaves, boolean force, Consumer<String> output) {
        return delegate().pushConfig(service, slaves, force, output);
    }

    @Override
    public boolean relocateInside(String service, String target, Consumer<String> output) {
        return delegate().relocateInside(service, target, output);
    }
}
