package org.nestor.core.action;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.nestor.core.status.ServiceStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs actions on the services of this node and reports their status. Actions on one service are
 * serialized by the service lock; every step goes to {@code data/nestor/<svc>/actions.log}.
 */
@ProviderType
public interface ServiceActions {

    /**
     * Runs an action on the selected resources of a service, in group and dependency order (reverse
     * for stop). A failed start rolls back what it started unless told not to.
     *
     * @throws ActionException when the action fails or is refused
     */
    void run(String service, ServiceAction action, ActionOptions options);

    /**
     * The service's status: from the cache written by the last action or refresh when it is newer
     * than the configuration, else (or when {@code refresh}) asked of every resource and cached.
     */
    ServiceStatus status(String service, boolean refresh);

    /** Freezes or thaws a service: a frozen service refuses orchestrated actions. */
    void setFrozen(String service, boolean frozen);

    /** The service's action log, {@code data/nestor/<svc>/actions.log}. */
    Path actionLog(String service);

    /**
     * Adds a line to the service's action log (and to {@code output} when not null), as the engine's
     * own lines: {@code TIME node.svc[.rid] LEVEL message}; for what layers over the engine do.
     *
     * @param rid   the resource the line is about, or null for the service
     * @param level INFO, WARN or ERROR
     */
    void log(String service, String rid, String level, String message, Consumer<String> output);

    /** The service's guests and encapsulated resources on this node ({@link Encapsulation#NONE} in a guest). */
    Encapsulation encapsulation(String service);

    /**
     * Installs the newest configuration of a service here and in its running guests (all of them,
     * or those {@code slaves} names), as every relay does first; what moved goes to {@code output}.
     * A guest's newer copy that changes the hypervisor view is refused (semantics.md "Trust between
     * hypervisor and guests") and left as it is; {@code force} replaces every targeted guest's copy
     * that differs with this node's instead, whatever its time.
     *
     * @return whether anything moved
     * @throws ActionException without an encapsulation layer, when a guest cannot take part, or when
     *                         a targeted guest's copy stands refused (naming what it may not change)
     */
    boolean pushConfig(String service, List<String> slaves, boolean force, Consumer<String> output);

    /**
     * Moves the service within this node when {@code target} names one of its guests (container
     * name or rid): its encapsulated resources stop in the guests that run them and start there.
     *
     * @return false when {@code target} names no guest of the service (the engine knows none)
     * @throws ActionException when the move is refused or fails
     */
    boolean relocateInside(String service, String target, Consumer<String> output);
}
