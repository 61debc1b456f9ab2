package org.nestor.core.internal.pool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.pool.NodeInfo;
import org.nestor.core.pool.NodeInfo.ConfigVersion;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.store.StoreException;

/** What this node tells its peers about itself. */
public final class LocalNode {

    private static final String VERSION = readVersion();

    private LocalNode() {
    }

    /** This Nestor's version (the build's). */
    public static String version() {
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
    public static NodeInfo describe(NodeIdentity node, KeywordDictionary dictionary, ServiceStore store,
                                    Collection<String> services, ServiceActions actions) {
        Map<String, ConfigVersion> versions = new LinkedHashMap<>();
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        for (String service : services.isEmpty() ? store.list() : services) {
            if (store.exists(service)) {
                versions.put(service, version(store, service));
                if (actions != null) {
                    statuses.put(service, actions.status(service, false));
                }
            }
        }
        return new NodeInfo(node.name(), VERSION, new ArrayList<>(dictionary.driverTypes()), versions, statuses);
    }

    /** A stored service's version (whole seconds) and the SHA-256 of its file. */
    public static ConfigVersion version(ServiceStore store, String service) {
        try {
            byte[] bytes = Files.readAllBytes(store.file(service));
            return new ConfigVersion(Files.getLastModifiedTime(store.file(service)).to(TimeUnit.SECONDS),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException e) {
            throw new StoreException("cannot read " + store.file(service) + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
