package org.nestor.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.nestor.core.config.Problem;
import org.nestor.core.config.ServiceConfig;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The services of this node, stored as {@code etc/nestor/services/<name>.conf} under the Nestor base.
 * A configuration is validated (keywords, and evaluation for this node) before anything is written;
 * writes are atomic and serialized per service by a lock that every process on the node honours.
 * The file's modification time is the configuration's version.
 */
@ProviderType
public interface ServiceStore {

    /** The directory of the service files. */
    Path servicesDirectory();

    /** The file of one service (which may not exist). */
    Path file(String name);

    /** Service names, sorted. */
    List<String> list();

    boolean exists(String name);

    /**
     * Reads a stored service.
     *
     * @throws StoreException                              when it does not exist
     * @throws org.nestor.core.config.ConfigException when its file no longer parses
     */
    ServiceConfig read(String name);

    /** The configuration's version: the file's modification time. */
    Instant version(String name);

    /** Every problem of a configuration meant for the named service; empty when it is valid. */
    List<Problem> validate(String name, ServiceConfig config);

    /**
     * Stores a new service, or replaces one when {@code replace} is set; listeners are told, their
     * progress going to {@code progress} (null: to the action log only).
     *
     * @throws org.nestor.core.config.ConfigException when the configuration is invalid (nothing written)
     * @throws StoreException                              when it exists and {@code replace} is not set
     */
    void create(String name, ServiceConfig config, boolean replace, Consumer<String> progress);

    /**
     * Installs a configuration that was edited elsewhere (a peer, a guest) with that edit's version,
     * so that the newest edit keeps its time on every node. Replaces the service when it exists.
     *
     * @param origin where the copy comes from, as its listeners are told
     * @throws org.nestor.core.config.ConfigException when the configuration is invalid here (nothing written)
     */
    void install(String name, ServiceConfig config, Instant version, ChangeOrigin origin,
                 Consumer<String> progress);

    /**
     * Changes a stored service under its lock: the change is applied to a copy, validated, then
     * written; listeners are told.
     *
     * @return the configuration as stored
     */
    ServiceConfig edit(String name, Consumer<ServiceConfig> change, Consumer<String> progress);

    /** Removes the service's file and its data directory. */
    void delete(String name);

    /** From now on, {@code listener} is told of every configuration installed. */
    void addListener(ServiceStoreListener listener);

    void removeListener(ServiceStoreListener listener);

    /**
     * Takes the service's lock, waiting at most {@code timeout}.
     *
     * @throws StoreException naming the holder when the wait runs out
     */
    ServiceLock lock(String name, Duration timeout);
}
