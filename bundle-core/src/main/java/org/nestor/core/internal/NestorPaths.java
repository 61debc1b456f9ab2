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

    /** The base a core configuration names, the Karaf base when it names none. */
    public static NestorPaths of(CoreConfiguration configuration) {
        String base = configuration.base().isBlank() ? System.getProperty("karaf.base", ".") : configuration.base();
        return new NestorPaths(Path.of(base));
    }

    /** The node's Nestor configuration: node.cfg, services/, known_hosts, domain definitions. */
    public Path config() {
        return base.resolve("etc/nestor");
    }

    public Path services() {
        return config().resolve("services");
    }

    /** The core components' configuration, {@code etc/org.nestor.core.cfg}. */
    public Path coreConfig() {
        return base.resolve("etc/" + CoreConfiguration.PID + ".cfg");
    }

    public Path nodeConfig() {
        return config().resolve("node.cfg");
    }

    public Path serviceData(String service) {
        return base.resolve("data/nestor").resolve(service);
    }
}
