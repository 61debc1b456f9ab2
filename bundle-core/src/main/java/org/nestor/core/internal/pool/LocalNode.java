package org.nestor.core.internal.pool;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.sync.LocalCopy;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigVersion;

/** What this node tells its peers about itself. */
final class LocalNode {

    private static final String VERSION = readVersion();

    private LocalNode() {
    }

    /** This Nestor's version (the build's). */
    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = LocalNode.class.getResourceAsStream("nestor.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unknown version is said as such
        }
        return properties.getProperty("version", "unknown");
    }

    /**
     * This node's description, with the given services (all when none is given) and, when
     * {@code actions} is given, their statuses.
     */
    static NodeInfo describe(NodeIdentity node, KeywordDictionary dictionary, ServiceStore store,
                             Collection<String> services, ServiceActions actions) {
        Map<String, ConfigVersion> versions = new LinkedHashMap<>();
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        for (String service : services.isEmpty() ? store.list() : services) {
            if (store.exists(service)) {
                versions.put(service, LocalCopy.version(store, service));
                if (actions != null) {
                    status(actions, service).ifPresent(status -> statuses.put(service, status));
                }
            }
        }
        return new NodeInfo(node.name(), VERSION, new ArrayList<>(dictionary.driverTypes()), versions, statuses);
    }

    /** A service's status here; none for a service that cannot be evaluated here (print-status says why). */
    static Optional<ServiceStatus> status(ServiceActions actions, String service) {
        try {
            return Optional.of(actions.status(service, false));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
