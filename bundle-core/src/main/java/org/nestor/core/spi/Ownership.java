package org.nestor.core.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a service provisioned, so that unprovision never removes what it did not create: a marker
 * {@code <kind>-<name>.provisioned} in the service's data directory, written by provision and
 * checked and removed by unprovision.
 */
public final class Ownership {

    private Ownership() {
    }

    /** The marker of {@code kind} {@code name} ("lxc", "c1") of this resource's service. */
    public static Path marker(ResourceContext context, String kind, String name) {
        return context.dataDirectory().resolve(kind + "-" + name + ".provisioned");
    }

    public static void claim(ResourceContext context, String kind, String name, String detail)
            throws ResourceException {
        Path marker = marker(context, kind, name);
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, detail + "\n");
        } catch (IOException e) {
            throw new ResourceException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /** @throws ResourceException naming the marker when the service did not provision it */
    public static void require(ResourceContext context, String kind, String name, String action)
            throws ResourceException {
        Path marker = marker(context, kind, name);
        if (!Files.exists(marker)) {
            throw new ResourceException("not " + action + " " + name + ": service " + context.service()
                    + " did not create it (no " + marker + ")");
        }
    }

    public static void release(ResourceContext context, String kind, String name) throws ResourceException {
        Path marker = marker(context, kind, name);
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new ResourceException("cannot remove " + marker + ": " + e.getMessage(), e);
        }
    }
}
