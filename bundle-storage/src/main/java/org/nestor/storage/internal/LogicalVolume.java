package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/** A logical volume: {@code lvchange -a y|n VG/LV}, up while active. */
final class LogicalVolume implements Resource {

    private final ResourceContext context;
    private final String target;

    LogicalVolume(ResourceContext context) throws ResourceException {
        this.context = context;
        this.target = StorageKeywords.required(context, "vg") + "/" + StorageKeywords.required(context, "name");
    }

    @Override
    public String label() {
        return "logical volume " + target;
    }

    @Override
    public void start() throws ResourceException {
        activate(true);
    }

    @Override
    public void stop() throws ResourceException {
        activate(false);
    }

    private void activate(boolean active) throws ResourceException {
        List<String> command = Lvm.activation(target, active);
        context.log().info(String.join(" ", command));
        context.commands().check(command, Lvm.TIMEOUT);
    }

    @Override
    public ResourceStatus status() {
        Boolean active = Lvm.allActive(context.commands(), target);
        if (active == null) {
            return new ResourceStatus(Status.DOWN, List.of("warn: lvs does not know " + target));
        }
        return new ResourceStatus(active ? Status.UP : Status.DOWN, List.of());
    }
}
