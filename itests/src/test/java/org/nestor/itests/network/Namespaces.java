package org.nestor.itests.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.nestor.itests.Processes;
import org.nestor.itests.Processes.Result;

/**
 * A small network made of namespaces for the tests, all under a random prefix: a switch namespace
 * holding bridge br0, and "hosts" each wired to it by a veth pair (their end named eth0, with
 * 10.77.0.N/24). Nothing of it is in this machine's own namespace; close removes it all.
 */
final class Namespaces implements AutoCloseable {

    static final String LAN = "10.77.0.";

    private final String prefix = "nt" + UUID.randomUUID().toString().substring(0, 5);
    private final List<String> made = new ArrayList<>();

    /** Whether namespaces can be made here: root and iproute2; under CI=true their absence is an error. */
    static boolean available() {
        boolean components = "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/sbin/ip")) && Files.isExecutable(Path.of("/usr/sbin/arping"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !components) {
            throw new IllegalStateException("CI=true but root, iproute2 or arping is missing: .ci/run must install them");
        }
        return components;
    }

    Namespaces() throws IOException {
        add("sw");
        in("sw", "ip", "link", "add", "br0", "type", "bridge");
        in("sw", "ip", "link", "set", "br0", "up");
    }

    /** The namespace's full name. */
    String name(String shortName) {
        return prefix + "-" + shortName;
    }

    private void add(String shortName) throws IOException {
        ip("netns", "add", name(shortName));
        made.add(name(shortName));
        in(shortName, "ip", "link", "set", "lo", "up");
    }

    /** A host on the switch: eth0 with {@code 10.77.0.<number>/24}. */
    void host(String shortName, int number) throws IOException {
        add(shortName);
        String switchEnd = prefix + shortName;
        ip("link", "add", "eth0", "netns", name(shortName), "type", "veth", "peer", "name", switchEnd, "netns",
                name("sw"));
        in("sw", "ip", "link", "set", switchEnd, "master", "br0");
        in("sw", "ip", "link", "set", switchEnd, "up");
        in(shortName, "ip", "addr", "add", LAN + number + "/24", "dev", "eth0");
        in(shortName, "ip", "link", "set", "eth0", "up");
    }

    /** Runs a command in the namespace, failing on a non-zero exit. */
    Result in(String shortName, String... argv) throws IOException {
        return run(shortName, List.of(argv), Map.of()).check(String.join(" ", argv) + " in " + shortName);
    }

    /** Runs a command with only the network namespace switched (nsenter: mounts and cgroups stay the host's). */
    Result run(String shortName, List<String> argv, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + name(shortName), "--"));
        command.addAll(argv);
        return Processes.run(command, null, 180, environment);
    }

    /** The MAC address of an interface of the namespace (netlink: sysfs is the host's under nsenter). */
    String mac(String shortName, String device) throws IOException {
        String link = in(shortName, "ip", "-o", "link", "show", "dev", device).output();
        return link.replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
    }

    private static void ip(String... words) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(words));
        Processes.run(argv, null, 30).check(String.join(" ", argv));
    }

    @Override
    public void close() throws IOException {
        for (String namespace : made) {
            Processes.run(List.of("ip", "netns", "del", namespace), null, 30);
        }
    }
}
