package org.nestor.core.internal.node;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.CoreConfiguration;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.NodeAssembly;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The node identity from {@code etc/nestor/node.cfg} (properties {@code name}, {@code cluster.nodes},
 * {@code cluster.drpnodes}), the environment variable {@code NESTOR_NODE} taking precedence for
 * the name, the short host name as the last resort.
 */
@Component(service = NodeIdentity.class, configurationPid = CoreConfiguration.PID)
public class FileNodeIdentity implements NodeIdentity {

    public static final String NODE_ENV = "NESTOR_NODE";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}");

    private final String name;
    private final List<String> clusterNodes;
    private final List<String> clusterDrpNodes;

    @Activate
    public FileNodeIdentity(CoreConfiguration configuration) {
        this(NodeAssembly.paths(configuration), System.getenv());
    }

    public FileNodeIdentity(NestorPaths paths, Map<String, String> environment) {
        Path file = paths.nodeConfig();
        Properties properties = load(file);
        String fromEnv = environment.get(NODE_ENV);
        String configured = fromEnv != null && !fromEnv.isBlank() ? fromEnv : properties.getProperty("name");
        name = check(configured == null || configured.isBlank() ? hostName() : configured.strip(),
                fromEnv != null && !fromEnv.isBlank() ? NODE_ENV : file + ": name");
        List<String> nodes = new ArrayList<>(List.of(name));
        for (String node : words(properties.getProperty("cluster.nodes"))) {
            if (!nodes.contains(check(node, file + ": cluster.nodes"))) {
                nodes.add(node);
            }
        }
        clusterNodes = List.copyOf(nodes);
        clusterDrpNodes = words(properties.getProperty("cluster.drpnodes")).stream()
                .map(node -> check(node, file + ": cluster.drpnodes")).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> clusterNodes() {
        return clusterNodes;
    }

    @Override
    public List<String> clusterDrpNodes() {
        return clusterDrpNodes;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
        }
        return properties;
    }

    private static String check(String node, String where) {
        if (!VALID_NAME.matcher(node).matches()) {
            throw new IllegalStateException(where + ": invalid node name '" + node + "'");
        }
        return node;
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("[\\s,]+"));
    }

    /** The short host name, lower case, as OpenSVC names nodes; /proc avoids a DNS lookup. */
    private static String hostName() {
        String host;
        try {
            host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                host = "localhost";
            }
        }
        int dot = host.indexOf('.');
        return (dot > 0 ? host.substring(0, dot) : host).toLowerCase(Locale.ROOT);
    }
}
