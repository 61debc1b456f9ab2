package org.nestor.encap.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.internal.sync.LocalCopy;
import org.nestor.core.internal.sync.NewestConfigSync;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;
import org.nestor.core.status.StatusJson;
import org.nestor.core.sync.ConfigVersion;
import org.nestor.testsupport.FakeDriver;
import org.nestor.testsupport.FakeWorld;

/**
 * Hypervisor hv1 with the real engine, store and configuration sync over the fake driver, and
 * {@link EncapActions} over them. Service {@value #SERVICE} has host resources ip#1 and two
 * containers, container#1 (guest vm1) and container#2 (guest vm2), and encapsulated resources
 * app#1 ({@code encap = true}) and fs#2 (tag {@code encap}, subset g1). Each guest answers as an
 * agent whose copy of the configuration is the host's (so the sync moves nothing), whose actions
 * succeed and whose status is app#1 and fs#2 up, unless a test scripts it otherwise.
 */
final class EncapFixture {

    static final String SERVICE = "web";
    static final String AGENT = ContainerDriver.DEFAULT_ENCAP_AGENT;
    static final String CONFIG = """
            [DEFAULT]
            nodes = hv1
            encapnodes = vm1 vm2
            [ip#1]
            type = mem
            [container#1]
            type = mem
            name = vm1
            [container#2]
            type = mem
            name = vm2
            [app#1]
            type = mem
            encap = true
            [fs#2]
            type = mem
            tags = encap data
            subset = g1
            """;

    final FakeWorld world = new FakeWorld();
    final List<String> output = new ArrayList<>();
    final FileServiceStore store;
    final ServiceEngine engine;
    final EncapActions actions;
    private final Map<String, Agent> agents = new LinkedHashMap<>();

    EncapFixture(Path base) {
        NestorPaths paths = new NestorPaths(base);
        DriverRegistry drivers = new DriverRegistry();
        drivers.addDriver(new AppDriver());
        for (String group : List.of("ip", "disk", "fs", "container", "app", "sync")) {
            drivers.addDriver(new FakeDriver(group, "mem", world));
        }
        FileNodeIdentity node = new FileNodeIdentity(paths, Map.of("NESTOR_NODE", "hv1"));
        store = new FileServiceStore(paths, drivers, node, Duration.ofSeconds(5));
        engine = ServiceEngine.standalone(paths, store, drivers, drivers, node,
                new FailoverGuard(PeerPool.standalone(paths, node.name(), new JschSessions()), store, drivers, node));
        actions = new EncapActions(engine, store, new NewestConfigSync(store, engine));
        store.create(SERVICE, ConfigReader.read(CONFIG, SERVICE + ".conf"), true, null);
        for (String rid : List.of("container#1", "container#2")) {
            Agent agent = new Agent(rid);
            agents.put(rid, agent);
            world.answerGuest(SERVICE, rid, agent::answer);
        }
    }

    /** The agent in the guest of this container, to script. */
    Agent agent(String rid) {
        return agents.get(rid);
    }

    /** Starts the hypervisor level only, then forgets the calls: both containers are up. */
    void hostStarted() {
        engine.run(SERVICE, ServiceAction.START, ActionOptions.all(output::add));
        world.clearCalls();
        output.clear();
    }

    /**
     * The calls that matter to dispatch, in phases: a run of host resource calls (a list, in order)
     * or a run of relays and status requests to the agents (a set: guests are asked in parallel).
     * The sync's own commands (version, copies) are left out.
     */
    List<Object> phases() {
        List<Object> phases = new ArrayList<>();
        List<String> host = null;
        LinkedHashSet<String> guests = null;
        for (String call : world.calls()) {
            boolean toAgent = call.startsWith("exec ") && call.contains(" " + AGENT + " svc ");
            if (toAgent) {
                host = null;
                if (guests == null) {
                    guests = new LinkedHashSet<>();
                    phases.add(guests);
                }
                guests.add(call.replace(" " + AGENT + " ", " "));
            } else if (!call.startsWith("exec ") && !call.startsWith("copy-")) {
                guests = null;
                if (host == null) {
                    host = new ArrayList<>();
                    phases.add(host);
                }
                host.add(call);
            }
        }
        return phases;
    }

    /** The output lines without their origin: level and message. */
    List<String> messages() {
        return output.stream().map(line -> line.replaceFirst("^\\S+ ", "")).toList();
    }

    /** A guest's own status of the service: app#1 and fs#2 with these values, folded as the engine does. */
    static String guestStatus(String guest, Status app, Status fs) {
        Map<String, ResourceState> resources = new LinkedHashMap<>();
        resources.put("fs#2", new ResourceState("fs#2", "fs.mem", "mem fs#2", fs, "........", List.of(),
                List.of("encap", "data"), false, false, false, true));
        resources.put("app#1", new ResourceState("app#1", "app.mem", "mem app#1", app, "........", List.of(),
                List.of(), false, false, false, true));
        Status avail = fs.merge(app);
        return StatusJson.write(new ServiceStatus(SERVICE, guest, Instant.now(), "failover", false, avail, avail,
                Status.NA, resources));
    }

    /** A scripted guest agent. */
    final class Agent {

        /** Where the agent keeps the service, as GuestCopy finds it from {@link #AGENT}. */
        static final String CONFIG_FILE = "/opt/nestor/etc/nestor/services/" + SERVICE + ".conf";

        private final String rid;
        /** Whether the guest has the host's copy of the configuration, else none (until one is pushed or edited). */
        volatile boolean hasCopy = true;
        /** The time of the guest's own file, once a push or {@link #edit} wrote one. */
        volatile long mtime;
        /** What a relayed action ends with. */
        volatile CommandResult action = ok("");
        /** What {@code svc print-status --format json} ends with. */
        volatile CommandResult status = ok(guestStatus("vm", Status.UP, Status.UP));
        /** What {@code svc print-status} answers, computed at each request when set (a slow agent). */
        volatile Supplier<CommandResult> statusAnswer;

        Agent(String rid) {
            this.rid = rid;
        }

        /** An administrator (or an attacker) root in the guest writes its copy of the service, at {@code time}. */
        void edit(String text, long time) {
            world.writeGuestFile(SERVICE, rid, CONFIG_FILE, text.getBytes(StandardCharsets.UTF_8));
            mtime = time;
        }

        /** The guest's own copy, or null while it has none of its own. */
        String copy() {
            byte[] file = world.guestFile(SERVICE, rid, CONFIG_FILE);
            return file == null ? null : new String(file, StandardCharsets.UTF_8);
        }

        CommandResult answer(List<String> argv) {
            if (argv.get(0).equals("sh")) {
                // the sync's version script
                byte[] own = world.guestFile(SERVICE, rid, CONFIG_FILE);
                if (own != null) {
                    return ok(mtime + "\n" + LocalCopy.checksum(own) + "  " + argv.get(argv.size() - 1) + "\n");
                }
                if (!hasCopy) {
                    return exit(1, "", "stat: cannot statx: No such file or directory");
                }
                ConfigVersion version = LocalCopy.version(store, SERVICE);
                return ok(version.version() + "\n" + version.checksum() + "  " + argv.get(argv.size() - 1) + "\n");
            }
            if (argv.get(0).equals("touch") && argv.get(1).equals("-d")) {
                mtime = Long.parseLong(argv.get(2).substring(1));
                return ok("");
            }
            if (argv.get(0).equals(AGENT) && argv.size() > 1 && argv.get(1).equals("svc")) {
                if (!argv.get(2).equals("print-status")) {
                    return action;
                }
                Supplier<CommandResult> computed = statusAnswer;
                return computed != null ? computed.get() : status;
            }
            return ok(""); // test -x, mkdir
        }
    }

    static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "", false);
    }

    static CommandResult exit(int code, String stdout, String stderr) {
        return new CommandResult(code, stdout, stderr, false);
    }
}
