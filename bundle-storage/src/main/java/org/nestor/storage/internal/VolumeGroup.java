package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/** A volume group: this node's tag and its volumes active when up. */
final class VolumeGroup implements Resource {

    private final ResourceContext context;
    private final String name;

    VolumeGroup(ResourceContext context) throws ResourceException {
        this.context = context;
        this.name = StorageKeywords.required(context, "name");
    }

    @Override
    public String label() {
        return "volume group " + name;
    }

    @Override
    public void start() throws ResourceException {
        for (List<String> command : Lvm.takeOver(name, Lvm.tags(context.commands(), name), context.node())) {
            run(command);
        }
    }

    @Override
    public void stop() throws ResourceException {
        run(Lvm.activation(name, false));
        if (Lvm.tags(context.commands(), name).contains(context.node())) {
            run(Lvm.deleteTag(name, context.node()));
        }
    }

    private void run(List<String> command) throws ResourceException {
        context.log().info(String.join(" ", command));
        context.commands().check(command, Lvm.TIMEOUT);
    }

    @Override
    public ResourceStatus status() {
        try {
            boolean tagged = Lvm.tags(context.commands(), name).contains(context.node());
            Boolean active = Lvm.allActive(context.commands(), name);
            if (tagged && Boolean.TRUE.equals(active)) {
                return new ResourceStatus(Status.UP, List.of());
            }
            return new ResourceStatus(Status.DOWN, tagged ? List.of("tagged " + context.node() + ", volumes inactive")
                    : List.of());
        } catch (ResourceException e) {
            return new ResourceStatus(Status.DOWN, List.of("warn: " + e.getMessage()));
        }
    }
}
