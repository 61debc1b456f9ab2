package org.nestor.encap.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.Guest;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.sync.ConfigPeer;
import org.nestor.core.sync.ConfigVersion;

/**
 * A guest as a party of the configuration sync: its agent's copy of the service, in the guest's
 * Nestor base (two levels above its {@code encap_agent}), read and written through the
 * container's transport. Its origin is {@link ChangeOrigin#GUEST}: the sync holds what it pulls to
 * the guests' trust boundary. A pulled copy larger than {@value #MAX_CONFIG} bytes is refused before
 * it is read; the sync parses it before anything looks at it.
 */
record GuestCopy(Guest guest) implements ConfigPeer {

    private static final Duration GUEST_COMMAND = Duration.ofSeconds(30);
    /** Largest copy taken from a guest: a configuration is a few KiB, and the guest is not trusted. */
    static final long MAX_CONFIG = 1024 * 1024;
    /** Time and checksum in one call: the file is an argument, never part of the script. */
    private static final String VERSION_SCRIPT = "stat -c %Y \"$1\" && sha256sum \"$1\"";

    @Override
    public String name() {
        return guest.name();
    }

    @Override
    public String rid() {
        return guest.rid();
    }

    @Override
    public ChangeOrigin origin() {
        return ChangeOrigin.GUEST;
    }

    @Override
    public String refusesToGive() {
        return null;
    }

    @Override
    public boolean takes() {
        return true;
    }

    /** Where the guest agent keeps the service: its base is two levels above bin/nestor. */
    String file(String service) {
        Path agent = Path.of(guest.agent());
        Path base = agent.getParent() == null || agent.getParent().getParent() == null ? Path.of("/")
                : agent.getParent().getParent();
        return base.resolve("etc/nestor/services").resolve(service + ".conf").toString();
    }

    @Override
    public ConfigVersion version(String service) {
        String file = file(service);
        CommandResult result = exec(List.of("sh", "-c", VERSION_SCRIPT, "sh", file));
        if (GuestTransport.unjoinable(result)) {
            throw new ActionException("guest " + guest.name() + " cannot be joined to compare configurations (exit "
                    + result.exitCode() + "): " + GuestText.line(GuestText.bounded(result.reason(), 512)));
        }
        if (!result.succeeded()) {
            return null;
        }
        String[] words = result.stdout().strip().split("\\s+");
        try {
            return new ConfigVersion(Long.parseLong(words[0]), words[1]);
        } catch (RuntimeException e) {
            throw new ActionException("guest " + guest.name() + ": the version of " + file + " reads '"
                    + GuestText.line(GuestText.bounded(result.stdout().strip(), 512)) + "'", e);
        }
    }

    @Override
    public String read(String service) {
        Path pulled = null;
        try {
            pulled = Files.createTempFile("nestor-pull-" + service, ".conf");
            guest.container().copyOut(file(service), pulled);
            long size = Files.size(pulled);
            if (size > MAX_CONFIG) {
                throw new ActionException("configuration of " + service + " in " + guest.name() + " refused: " + size
                        + " bytes, more than " + MAX_CONFIG + " (" + file(service) + "); kept this node's");
            }
            return Files.readString(pulled, StandardCharsets.UTF_8);
        } catch (ResourceException | IOException e) {
            throw new ActionException("cannot pull the configuration of " + service + " from " + guest.name() + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(pulled);
        }
    }

    @Override
    public void install(String service, byte[] text, long version) {
        String file = file(service);
        Path local = null;
        try {
            local = Files.createTempFile("nestor-push-" + service, ".conf");
            Files.write(local, text);
            check(exec(List.of("mkdir", "-p", Path.of(file).getParent().toString())), "mkdir");
            guest.container().copyIn(local, file);
            check(exec(List.of("touch", "-d", "@" + version, file)), "touch");
        } catch (ResourceException | IOException e) {
            throw new ActionException("cannot push the configuration of " + service + " to " + guest.name() + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(local);
        }
    }

    /** Whether its agent is there: without it a guest has no configuration directory to compare. */
    boolean hasAgent() {
        return exec(List.of("test", "-x", guest.agent())).succeeded();
    }

    private CommandResult exec(List<String> argv) {
        return guest.container().exec(argv, null, GUEST_COMMAND);
    }

    private void check(CommandResult result, String what) throws ResourceException {
        if (!result.succeeded()) {
            throw new ResourceException(what + " in " + guest.name() + " failed: " + result.reason());
        }
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
