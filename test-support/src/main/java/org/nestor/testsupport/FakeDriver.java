package org.nestor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * An in-memory driver of one type of one group, for tests and benchmarks: its resources are
 * entries of a {@link FakeWorld}, which records what the engine asked of them. The keywords of a
 * resource's section steer it:
 * <ul>
 * <li>{@code after}: rids it starts after and stops before;</li>
 * <li>{@code fail_start}, {@code fail_stop}: the action fails;</li>
 * <li>{@code status}: the status it reports whatever it was asked ({@code n/a}, {@code warn}...),
 * and {@code fail_status}: its status cannot be read (warn, with the reason);</li>
 * </ul>
 * A resource of the {@code container} group is a {@link ContainerResource} with the keywords of
 * every container type: encapsulation can relay into its guest, which answers as the world says.
 */
public final class FakeDriver implements ResourceDriver {

    private final String group;
    private final String type;
    private final List<String> aliases;
    private final List<Keyword> extraKeywords;
    private final FakeWorld world;

    /** A driver of type {@code type} in {@code group}, whose resources live in {@code world}. */
    public FakeDriver(String group, String type, FakeWorld world) {
        this(group, type, List.of(), List.of(), world);
    }

    private FakeDriver(String group, String type, List<String> aliases, List<Keyword> extraKeywords,
                       FakeWorld world) {
        this.group = group;
        this.type = type;
        this.aliases = List.copyOf(aliases);
        this.extraKeywords = List.copyOf(extraKeywords);
        this.world = world;
    }

    /** The same driver, also selected by these values of {@code type}. */
    public FakeDriver withAliases(String... moreAliases) {
        return new FakeDriver(group, type, Arrays.asList(moreAliases), extraKeywords, world);
    }

    /** The same driver, declaring these keywords too, as a real driver of its type would (made for its type here). */
    public FakeDriver withKeywords(Keyword... keywords) {
        return new FakeDriver(group, type, aliases, Arrays.stream(keywords).map(k -> k.forType(type)).toList(),
                world);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public List<Keyword> keywords() {
        List<Keyword> keywords = new ArrayList<>(List.of(
                keyword("after", ValueType.LIST, "Rids to start before this one"),
                keyword("fail_start", ValueType.BOOL, "Start fails"),
                keyword("fail_stop", ValueType.BOOL, "Stop fails"),
                keyword("fail_status", ValueType.BOOL, "The status cannot be read"),
                keyword("status", ValueType.STRING, "The status reported, whatever was asked")));
        if (isContainer()) {
            keywords.addAll(ContainerDriver.commonKeywords(type, "Name of the fake container"));
        }
        keywords.addAll(extraKeywords);
        return keywords;
    }

    private Keyword keyword(String name, ValueType valueType, String description) {
        return Keyword.of(group, name, valueType, description).forType(type);
    }

    private boolean isContainer() {
        return group.equals("container");
    }

    @Override
    public Resource create(ResourceContext context) {
        return isContainer() ? new FakeContainer(context) : new FakeResource(context);
    }

    private class FakeResource implements Resource {

        final ResourceContext context;
        final String service;
        final String rid;

        FakeResource(ResourceContext context) {
            this.context = context;
            this.service = context.service();
            this.rid = context.rid();
        }

        @Override
        public void start() throws ResourceException {
            world.record("start " + rid);
            if (flag("fail_start")) {
                throw new ResourceException("refused to start");
            }
            world.setUp(service, rid, true);
        }

        @Override
        public void stop() throws ResourceException {
            world.record("stop " + rid);
            if (flag("fail_stop")) {
                throw new ResourceException("refused to stop");
            }
            world.setUp(service, rid, false);
        }

        @Override
        public ResourceStatus status() {
            if (flag("fail_status")) {
                return ResourceStatus.warn("cannot read the status of " + rid);
            }
            String fixed = context.string("status");
            if (fixed != null) {
                return ResourceStatus.of(Status.of(fixed));
            }
            return ResourceStatus.of(world.isUp(service, rid) ? Status.UP : Status.DOWN);
        }

        @Override
        public String label() {
            return type + " " + rid;
        }

        @Override
        public Boolean provisioned() {
            return world.isProvisioned(service, rid);
        }

        @Override
        public void provision() {
            world.record("provision " + rid);
            world.setProvisioned(service, rid, true);
        }

        @Override
        public void unprovision() {
            world.record("unprovision " + rid);
            world.setProvisioned(service, rid, false);
        }

        @Override
        public List<String> dependencies() {
            return context.list("after");
        }

        private boolean flag(String keyword) {
            return Boolean.TRUE.equals(context.value(keyword));
        }
    }

    /** A container whose guest is the world's: commands and copies are recorded, answers scripted, files kept. */
    private final class FakeContainer extends FakeResource implements ContainerResource {

        FakeContainer(ResourceContext context) {
            super(context);
        }

        /** The {@code name} keyword, else the service's name (as container drivers default it). */
        @Override
        public String name() {
            String name = context.string("name");
            return name != null ? name : service;
        }

        /** Into the world's guest: commands and copies recorded, answers scripted; up while the container is. */
        @Override
        public Optional<GuestTransport> transport() {
            return Optional.of(new GuestTransport() {
                @Override
                public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
                    world.record("exec " + rid + " " + String.join(" ", argv));
                    return world.guestAnswer(service, rid, argv);
                }

                @Override
                public void copyIn(Path local, String guestPath) throws ResourceException {
                    world.record("copy-in " + rid + " " + local + " " + guestPath);
                    try {
                        world.writeGuestFile(service, rid, guestPath, Files.readAllBytes(local));
                    } catch (IOException e) {
                        throw new ResourceException("copy-in " + local + ": " + e.getMessage(), e);
                    }
                }

                @Override
                public void copyOut(String guestPath, Path local) throws ResourceException {
                    world.record("copy-out " + rid + " " + guestPath + " " + local);
                    byte[] content = world.guestFile(service, rid, guestPath);
                    if (content == null) {
                        throw new ResourceException("copy-out " + guestPath + ": no such file in the guest");
                    }
                    try {
                        Files.write(local, content);
                    } catch (IOException e) {
                        throw new ResourceException("copy-out " + local + ": " + e.getMessage(), e);
                    }
                }

                @Override
                public boolean operational() {
                    return world.isUp(service, rid);
                }
            });
        }

        /** The {@code hostname} keyword, else the container's name. */
        @Override
        public String guestHostname() {
            String hostname = context.string("hostname");
            return hostname != null ? hostname : name();
        }
    }
}
