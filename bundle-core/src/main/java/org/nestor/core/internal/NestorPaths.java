package org.nestor.core.internal;

import java.nio.file.Path;

/**
 * The files of a node under its base directory (the Karaf base, or NESTOR_BASE for bin/nestor).
 *
 * @param base absolute, normalized base directory
 */
public record NestorPaths(Path base) {

    public NestorPaths {
        base = base.toAbsolutePath().normalize();
    }

    /** The node's Nestor configuration: node.cfg, services/, known_hosts, domain definitions. */
    public Path config() {
        return base.resolve("etc/nestor");
    }

    public Path services() {
        return config().resolve("services");
    }

    public Path nodeConfig() {
        return config().resolve("node.cfg");
    }

    public Path serviceData(String service) {
        return base.resolve("data/nestor").resolve(service);
    }
}
