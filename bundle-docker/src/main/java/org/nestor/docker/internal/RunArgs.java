package org.nestor.docker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ulimit;

import org.nestor.core.spi.ArgumentVector;

/**
 * The {@code run_args} keyword: the {@code docker run} flags Nestor maps onto the API's create
 * parameters. Any other flag is an error naming it, never silently dropped.
 */
record RunArgs(List<String> binds, List<String> ports, List<String> env, String user, String net, String hostname,
               List<String> capAdd, boolean privileged, List<String> ulimits) {

    static final List<String> SUPPORTED = List.of("-v/--volume", "-p/--publish", "-e/--env", "-u/--user", "--net/--network",
            "-h/--hostname", "--cap-add", "--privileged", "--ulimit");

    static final RunArgs NONE = new RunArgs(List.of(), List.of(), List.of(), null, null, null, List.of(), false,
            List.of());

    /** @throws IllegalArgumentException naming the unsupported flag, a missing value or a bad one */
    static RunArgs parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<String> words = ArgumentVector.parse(text);
        List<String> binds = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        List<String> env = new ArrayList<>();
        List<String> capAdd = new ArrayList<>();
        List<String> ulimits = new ArrayList<>();
        String user = null;
        String net = null;
        String hostname = null;
        boolean privileged = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String flag = word;
            String value = null;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                flag = word.substring(0, equals);
                value = word.substring(equals + 1);
            }
            if (flag.equals("--privileged")) {
                privileged = true;
                continue;
            }
            if (!flag.startsWith("-")) {
                throw new IllegalArgumentException("'" + word + "' is not a flag (run_args holds docker run flags; "
                        + "the command goes in the command keyword)");
            }
            if (!isSupported(flag)) {
                throw new IllegalArgumentException("unsupported flag '" + flag + "' (supported: "
                        + String.join(", ", SUPPORTED) + ")");
            }
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new IllegalArgumentException("flag '" + flag + "' needs a value");
                }
                value = words.get(++i);
            }
            switch (flag) {
                case "-v", "--volume" -> binds.add(checked(flag, value, Bind::parse));
                case "-p", "--publish" -> ports.add(checked(flag, value, PortBinding::parse));
                case "-e", "--env" -> env.add(value);
                case "-u", "--user" -> user = value;
                case "--net", "--network" -> net = value;
                case "-h", "--hostname" -> hostname = value;
                case "--cap-add" -> capAdd.add(checked(flag, value, c -> Capability.valueOf(c.toUpperCase())));
                case "--ulimit" -> ulimits.add(checked(flag, value, RunArgs::ulimit));
                default -> throw new IllegalStateException(flag);
            }
        }
        return new RunArgs(binds, ports, env, user, net, hostname, capAdd, privileged, ulimits);
    }

    private static boolean isSupported(String flag) {
        return SUPPORTED.stream().anyMatch(names -> List.of(names.split("/")).contains(flag));
    }

    private static String checked(String flag, String value, Function<String, ?> parser) {
        try {
            parser.apply(value);
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("flag '" + flag + "': bad value '" + value + "'", e);
        }
    }

    /** {@code name=soft[:hard]}, as docker run takes it. */
    private static Ulimit ulimit(String value) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(value);
        }
        String[] limits = value.substring(equals + 1).split(":");
        long soft = Long.parseLong(limits[0]);
        long hard = limits.length > 1 ? Long.parseLong(limits[1]) : soft;
        return new Ulimit(value.substring(0, equals), soft, hard);
    }

    /** Applies these flags to a create command; {@code networkMode} (from netns) wins over --net. */
    void applyTo(CreateContainerCmd create, String networkMode, Map<String, String> labels) {
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(binds.stream().map(Bind::parse).toList())
                .withPortBindings(ports.stream().map(PortBinding::parse).toList())
                .withCapAdd(capAdd.stream().map(c -> Capability.valueOf(c.toUpperCase())).toArray(Capability[]::new))
                .withPrivileged(privileged)
                .withUlimits(ulimits.stream().map(RunArgs::ulimit).toList());
        String mode = networkMode != null ? networkMode : net;
        if (mode != null) {
            host.withNetworkMode(mode);
        }
        create.withHostConfig(host).withLabels(labels)
                .withExposedPorts(ports.stream().map(p -> PortBinding.parse(p).getExposedPort()).toList());
        if (!env.isEmpty()) {
            create.withEnv(env);
        }
        if (user != null) {
            create.withUser(user);
        }
        if (hostname != null) {
            create.withHostName(hostname);
        }
    }
}
