package org.nestor.storage.internal;

import org.nestor.core.pool.Pool;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;

/**
 * A sync resource: it moves data on {@code svc sync} only (start and stop leave it alone), and its
 * status is the age of each target's last successful sync.
 */
abstract class SyncResource implements Resource {

    protected final ResourceContext context;
    protected final SyncTargets targets;

    SyncResource(ResourceContext context, Pool pool) throws ResourceException {
        this.context = context;
        this.targets = new SyncTargets(context, pool);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public ResourceStatus status() {
        return targets.status();
    }
}
