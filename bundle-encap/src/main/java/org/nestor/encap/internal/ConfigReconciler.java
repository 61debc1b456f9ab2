package org.nestor.encap.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.ConfigReader;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.Status;
import org.nestor.core.store.ServiceStore;

/**
 * Newest-config reconciliation between the hypervisor and a service's guests, before every relay:
 * a configuration's version is its file's modification time (whole seconds). The newest copy wins
 * and is installed everywhere with its own time; nothing is merged. A guest's newer copy is pulled
 * (refused when 60 bytes or less: an empty configuration), validated by the store and installed
 * here; then every guest older than the host gets the host's copy. So an edit made inside a guest
 * is never rolled back by an action run at the hypervisor level.
 */
final class ConfigReconciler {

    /** A pulled configuration this small is an empty one (a header at most). */
    static final int SMALLEST_CONFIG = 61;
    private static final Duration GUEST_COMMAND = Duration.ofSeconds(30);
    private static final long ABSENT = -1;

    private final ServiceActions engine;
    private final ServiceStore store;

    ConfigReconciler(ServiceActions engine, ServiceStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** Reconciles with the guests whose container is up; the others are said to be skipped. */
    void reconcileRunning(String service, List<Guest> guests, ActionOptions options) {
        List<Guest> running = new ArrayList<>();
        for (Guest guest : guests) {
            if (guest.container().status().status() == Status.UP) {
                running.add(guest);
            } else {
                note(service, guest, "skip: container " + guest.name() + " not running", options);
            }
        }
        reconcile(service, running, options);
    }

    void reconcile(String service, List<Guest> guests, ActionOptions options) {
        Map<Guest, Long> versions = new LinkedHashMap<>();
        for (Guest guest : guests) {
            // without its agent a guest has no configuration directory to compare
            if (guest.container().exec(List.of("test", "-x", guest.agent()), null, GUEST_COMMAND).succeeded()) {
                versions.put(guest, guestVersion(guest, service));
            } else {
                engine.log(service, guest.rid(), "WARN", "configuration not compared with " + guest.name() + ": no agent "
                        + guest.agent() + " there", options.output());
            }
        }
        long host = hostVersion(service);
        Guest newest = versions.entrySet().stream().filter(e -> e.getValue() > host)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (newest != null) {
            if (options.dryRun()) {
                note(service, newest, "would pull the newer configuration of " + newest.name(), options);
            } else {
                pull(service, newest, versions.get(newest), host, options);
            }
        }
        long current = newest == null ? host : versions.get(newest);
        reportOverwrittenEdits(service, host, versions, current, newest, options);
        for (Map.Entry<Guest, Long> guest : versions.entrySet()) {
            if (guest.getValue() < current) {
                if (options.dryRun()) {
                    note(service, guest.getKey(), "would push the configuration to " + guest.getKey().name(), options);
                } else {
                    push(service, guest.getKey(), guest.getValue(), current, options);
                }
            }
        }
        if (!options.dryRun()) {
            writeAgreed(service, current);
        }
    }

    /**
     * Edits made on both sides since the last reconciliation: the newest wins, and each one it
     * overwrites is said, with its time, so that nobody's change disappears silently.
     */
    private void reportOverwrittenEdits(String service, long host, Map<Guest, Long> versions, long current,
                                        Guest winner, ActionOptions options) {
        long agreed = readAgreed(service);
        if (agreed == ABSENT) {
            return;
        }
        String winnerName = winner == null ? "the hypervisor" : winner.name();
        if (host > agreed && host < current) {
            engine.log(service, null, "WARN", "the hypervisor's edit of " + Instant.ofEpochSecond(host)
                    + " is overwritten by the newer one of " + winnerName, options.output());
        }
        versions.forEach((guest, version) -> {
            if (version > agreed && version < current) {
                engine.log(service, guest.rid(), "WARN", guest.name() + "'s edit of " + Instant.ofEpochSecond(version)
                        + " is overwritten by the newer one of " + winnerName, options.output());
            }
        });
    }

    /** The version every party had after the last reconciliation, or ABSENT. */
    private long readAgreed(String service) {
        try {
            return Long.parseLong(Files.readString(agreedFile(service)).strip());
        } catch (IOException | NumberFormatException e) {
            return ABSENT;
        }
    }

    private void writeAgreed(String service, long version) {
        try {
            LocalFiles.replace(agreedFile(service), temporary -> Files.writeString(temporary, version + "\n"));
        } catch (ResourceException e) {
            throw new ActionException(e.getMessage(), e);
        }
    }

    private Path agreedFile(String service) {
        return engine.actionLog(service).resolveSibling("encap.config-version");
    }

    /** Where the guest agent keeps the service: its base is two levels above bin/nestor. */
    static String guestFile(Guest guest, String service) {
        Path agent = Path.of(guest.agent());
        Path base = agent.getParent() == null || agent.getParent().getParent() == null ? Path.of("/")
                : agent.getParent().getParent();
        return base.resolve("etc/nestor/services").resolve(service + ".conf").toString();
    }

    private long hostVersion(String service) {
        try {
            return Files.getLastModifiedTime(store.file(service)).to(TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new ActionException("cannot read the time of " + store.file(service) + ": " + e.getMessage(), e);
        }
    }

    private long guestVersion(Guest guest, String service) {
        String file = guestFile(guest, service);
        CommandResult stat = guest.container().exec(List.of("stat", "-c", "%Y", file), null, GUEST_COMMAND);
        if (stat.succeeded()) {
            try {
                return Long.parseLong(stat.stdout().strip());
            } catch (NumberFormatException e) {
                throw new ActionException("guest " + guest.name() + ": stat " + file + " said '" + stat.stdout().strip()
                        + "'");
            }
        }
        if (GuestTransport.unjoinable(stat)) {
            throw new ActionException("guest " + guest.name() + " cannot be joined to compare configurations (exit "
                    + stat.exitCode() + "): " + stat.reason());
        }
        return ABSENT;
    }

    private void pull(String service, Guest guest, long guestVersion, long hostVersion, ActionOptions options) {
        String file = guestFile(guest, service);
        Path pulled = null;
        try {
            pulled = Files.createTempFile("nestor-pull-" + service, ".conf");
            guest.container().copyOut(file, pulled);
            if (Files.size(pulled) < SMALLEST_CONFIG) {
                throw new ActionException("pulled an empty configuration from " + guest.name() + ":" + file + " ("
                        + Files.size(pulled) + " bytes): kept the host's");
            }
            String text = Files.readString(pulled, StandardCharsets.UTF_8);
            store.install(service, ConfigReader.read(text, guest.name() + ":" + file),
                    Instant.ofEpochSecond(guestVersion));
            note(service, guest, "pulled the configuration of " + guest.name() + " (" + Instant.ofEpochSecond(guestVersion)
                    + ", newer than the host's " + Instant.ofEpochSecond(hostVersion) + ")", options);
        } catch (ResourceException | IOException e) {
            throw new ActionException("cannot pull the configuration of " + service + " from " + guest.name() + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(pulled);
        }
    }

    private void push(String service, Guest guest, long guestVersion, long version, ActionOptions options) {
        String file = guestFile(guest, service);
        try {
            String directory = Path.of(file).getParent().toString();
            check(guest, guest.container().exec(List.of("mkdir", "-p", directory), null, GUEST_COMMAND), "mkdir");
            guest.container().copyIn(store.file(service), file);
            check(guest, guest.container().exec(List.of("touch", "-d", "@" + version, file), null, GUEST_COMMAND),
                    "touch");
            note(service, guest, "pushed the configuration to " + guest.name() + (guestVersion == ABSENT
                    ? " (it had none)" : " (its copy of " + Instant.ofEpochSecond(guestVersion) + " was older)"), options);
        } catch (ResourceException e) {
            throw new ActionException("cannot push the configuration of " + service + " to " + guest.name() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void check(Guest guest, CommandResult result, String what) throws ResourceException {
        if (!result.succeeded()) {
            throw new ResourceException(what + " in " + guest.name() + " failed: " + result.reason());
        }
    }

    private void note(String service, Guest guest, String message, ActionOptions options) {
        engine.log(service, guest.rid(), "INFO", message, options.output());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left in the temporary directory
            }
        }
    }
}
