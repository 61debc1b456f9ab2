package org.nestor.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a driver knows of the resource it creates: its identity and its section evaluated for this
 * node (scopes, inheritance, references and defaults applied, values typed).
 */
@ProviderType
public interface ResourceContext {

    String service();

    /** The resource id, e.g. {@code app#1}. */
    String rid();

    /** The node the service is evaluated for. */
    String node();

    /** The evaluated value of a keyword of this resource (String, Long, Boolean, List), or null. */
    Object value(String keyword);

    default String string(String keyword) {
        Object value = value(keyword);
        return value == null ? null : value.toString();
    }

    /** A duration keyword, or {@code otherwise} when it has no value. */
    default Duration duration(String keyword, Duration otherwise) {
        Object value = value(keyword);
        return value instanceof Long seconds ? Duration.ofSeconds(seconds) : otherwise;
    }

    @SuppressWarnings("unchecked")
    default List<String> list(String keyword) {
        Object value = value(keyword);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The service's data directory, {@code data/nestor/<svc>}. */
    /** A keyword holding an argument vector, parsed; null when unset or blank. */
    default List<String> argv(String keyword) throws ResourceException {
        String value = string(keyword);
        try {
            return value == null || value.isBlank() ? null : ArgumentVector.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ResourceException(keyword + ": " + e.getMessage());
        }
    }

    /** The node's Nestor configuration directory, {@code etc/nestor}: known_hosts, domain definitions. */
    Path configDirectory();

    /** The service's own data directory, {@code data/nestor/<svc>}: logs, state files of resources. */
    Path dataDirectory();

    ResourceLog log();

    /** How this resource runs its tools on this node. */
    default Commands commands() {
        return Commands.local();
    }

    /**
     * Another resource of the same service on this node, as its driver makes it: what a resource
     * that works inside a container's namespace asks its container for.
     *
     * @throws ResourceException when the service has no such resource here, or it cannot be made
     */
    default Resource sibling(String rid) throws ResourceException {
        throw new ResourceException(rid() + " cannot reach " + rid + " from here");
    }

    /**
     * One of the service's node lists ({@code nodes}, {@code drpnodes}, {@code encapnodes}) as this
     * node reads it: where a sync resource sends its data.
     */
    default List<String> nodeList(String name) {
        return List.of();
    }

    /** What a resource's context knows of the rest of its service on this node. */
    @ProviderType
    interface ServiceScope {

        ServiceScope NONE = new ServiceScope() {
            @Override
            public Resource resource(String rid) throws ResourceException {
                throw new ResourceException("no resource " + rid + " here");
            }

            @Override
            public List<String> nodeList(String name) {
                return List.of();
            }
        };

        Resource resource(String rid) throws ResourceException;

        List<String> nodeList(String name);
    }

    /**
     * A context of fixed, already evaluated values, alone in its service: a driver's tests' and
     * benchmarks'.
     */
    static ResourceContext of(String service, String rid, String node, Map<String, Object> values,
                              Path configDirectory, Path dataDirectory, ResourceLog log) {
        return of(service, rid, node, values, configDirectory, dataDirectory, log, ServiceScope.NONE);
    }

    /** A context of fixed, already evaluated values: the engine's for each resource it acts on. */
    static ResourceContext of(String service, String rid, String node, Map<String, Object> values,
                              Path configDirectory, Path dataDirectory, ResourceLog log, ServiceScope scope) {
        return new ResourceContext() {
            @Override
            public String service() {
                return service;
            }

            @Override
            public String rid() {
                return rid;
            }

            @Override
            public String node() {
                return node;
            }

            @Override
            public Object value(String keyword) {
                return values.get(keyword);
            }

            @Override
            public Path configDirectory() {
                return configDirectory;
            }

            @Override
            public Path dataDirectory() {
                return dataDirectory;
            }

            @Override
            public ResourceLog log() {
                return log;
            }

            @Override
            public Resource sibling(String other) throws ResourceException {
                return scope.resource(other);
            }

            @Override
            public List<String> nodeList(String name) {
                return scope.nodeList(name);
            }
        };
    }
}
