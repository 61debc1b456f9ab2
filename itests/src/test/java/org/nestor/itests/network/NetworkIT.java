package org.nestor.itests.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes.Result;
import org.nestor.itests.guest.Guests;

/**
 * The ip resources with this build's bin/nestor, run as "hosts" that are network namespaces the
 * test makes (nsenter --net): a service address checked free, plumbed, refused while another
 * host holds it, failed over with the neighbours' caches following; and addresses plumbed into a
 * real LXC container's namespace in bridge, ipvlan-l2 and macvlan modes.
 */
class NetworkIT {

    private static final String VIP = Namespaces.LAN + "100";

    /** Runs bin/nestor as node {@code node} (its own base under the work directory) inside namespace {@code host}. */
    private static Result nestor(Guests guests, Namespaces net, String host, String node, String... words)
            throws IOException {
        List<String> argv = new ArrayList<>(List.of(guests.distribution().resolve("bin/nestor").toString()));
        argv.addAll(List.of(words));
        return net.run(host, argv, Map.of("NESTOR_BASE", guests.work().resolve(node).toString(), "NESTOR_NODE", node));
    }

    private static Path config(Guests guests, String name, String text) throws IOException {
        return Files.writeString(guests.work().resolve(name + ".conf"), text);
    }

    @Test
    void aServiceAddressIsCheckedPlumbedRefusedAndFailedOver() throws Exception {
        assumeTrue(Namespaces.available(), "needs root, iproute2 and arping");
        try (Guests guests = Guests.create(); Namespaces net = new Namespaces()) {
            net.host("a", 1);
            net.host("b", 2);
            net.host("o", 9);
            Path vip = config(guests, "vip", "[DEFAULT]\nnodes = a b\n\n[ip#1]\nipname = " + VIP
                    + "\nipdev = eth0\nnetmask = 255.255.255.0\n");
            for (String node : List.of("a", "b")) {
                nestor(guests, net, node, node, "svc", "create", "vip", "--config", vip.toString()).check("create");
            }
            String started = nestor(guests, net, "a", "a", "svc", "start", "vip").check("start on a").output();
            assertTrue(started.contains("a.vip.ip#1 INFO ip addr add " + VIP + "/24 dev eth0"), started);
            assertTrue(net.in("a", "ip", "-o", "addr", "show", "dev", "eth0").output().contains(" " + VIP + "/24 "));
            assertTrue(nestor(guests, net, "a", "a", "svc", "print-status", "vip").output()
                    .matches("(?s)vip +up\\n.*ip#1 +\\.+ +up +" + VIP.replace(".", "\\.") + "/24 on eth0.*"));

            net.in("o", "ping", "-c", "1", "-W", "2", VIP);
            assertEquals(net.mac("a", "eth0"), neighbour(net));

            // b sees it answer on the link: refused, nothing plumbed there
            Result refused = nestor(guests, net, "b", "b", "svc", "start", "vip");
            assertEquals(1, refused.exit(), refused.output());
            assertTrue(refused.output().contains(VIP + " is in use on the link of eth0 (arping answered): not plumbed"),
                    refused.output());
            assertFalse(net.in("b", "ip", "-o", "addr", "show", "dev", "eth0").output().contains(VIP));

            // failover: a stops, b starts; o's neighbour entry follows without o asking (gratuitous ARP)
            nestor(guests, net, "a", "a", "svc", "stop", "vip").check("stop on a");
            assertFalse(net.in("a", "ip", "-o", "addr", "show", "dev", "eth0").output().contains(VIP));
            nestor(guests, net, "b", "b", "svc", "start", "vip").check("start on b");
            String expected = net.mac("b", "eth0");
            String seen = neighbour(net);
            for (int i = 0; i < 30 && !expected.equals(seen); i++) {
                Thread.sleep(100);
                seen = neighbour(net);
            }
            assertEquals(expected, seen, "o's neighbour table follows the address");
            net.in("o", "ping", "-c", "1", "-W", "2", VIP);
            String left = nestor(guests, net, "a", "a", "svc", "print-status", "vip").output();
            assertTrue(left.matches("(?s)vip +down\n.*"), left);
            nestor(guests, net, "b", "b", "svc", "stop", "vip").check("stop on b");

            // a flex service: each node its own address (ipname@node)
            Path flex = config(guests, "flex", "[DEFAULT]\nnodes = a b\ntopology = flex\n\n[ip#1]\nipname@a = "
                    + Namespaces.LAN + "110\nipname@b = " + Namespaces.LAN + "111\nipdev = eth0\n");
            for (String node : List.of("a", "b")) {
                nestor(guests, net, node, node, "svc", "create", "flex", "--config", flex.toString()).check("create");
                nestor(guests, net, node, node, "svc", "start", "flex").check("start flex on " + node);
            }
            net.in("o", "ping", "-c", "1", "-W", "2", Namespaces.LAN + "110");
            net.in("o", "ping", "-c", "1", "-W", "2", Namespaces.LAN + "111");
            assertTrue(net.in("b", "ip", "-o", "addr", "show", "dev", "eth0").output().contains(" " + Namespaces.LAN
                    + "111/24 "), "b's own address, with eth0's prefix");
            for (String node : List.of("a", "b")) {
                nestor(guests, net, node, node, "svc", "stop", "flex").check("stop flex on " + node);
            }

            // bad input: an interface that does not exist is said, nothing plumbed
            Path wrong = config(guests, "wrong", "[ip#1]\nipname = " + VIP + "\nipdev = eth7\nnetmask = 24\n");
            nestor(guests, net, "a", "a", "svc", "create", "wrong", "--config", wrong.toString()).check("create");
            Result noDevice = nestor(guests, net, "a", "a", "svc", "start", "wrong");
            assertTrue(noDevice.exit() == 1 && noDevice.output().contains("ipdev: no interface eth7 on this node"),
                    noDevice.output());
            Path badMask = config(guests, "badmask", "[ip#1]\nipname = " + VIP + "\nipdev = eth0\nnetmask = 255.0.255.0\n");
            Result invalid = nestor(guests, net, "a", "a", "svc", "create", "badmask", "--config", badMask.toString());
            assertTrue(invalid.exit() == 1 && invalid.output().contains(badMask + ":4: [ip#1] netmask: '255.0.255.0' is "
                    + "not contiguous"), invalid.output());
        }
    }

    /**
     * Runs a command in the guest: from host a's namespace, where lxc's command socket (abstract,
     * so per network namespace) of a container started there is.
     */
    private static String attach(Namespaces net, Guests guests, String guest, String... argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("lxc-attach", "-n", guest, "-P", guests.lxcPath().toString(),
                "--clear-env", "--"));
        command.addAll(List.of(argv));
        return net.run("a", command, Map.of()).check(String.join(" ", argv) + " in " + guest).output();
    }

    /** o's neighbour entry for the service address: its MAC, or what ip neigh says. */
    private static String neighbour(Namespaces net) throws IOException {
        String entry = net.in("o", "ip", "neigh", "show", VIP).output();
        return entry.contains("lladdr") ? entry.replaceAll("(?s).*lladdr ([0-9a-f:]{17}).*", "$1") : entry.strip();
    }

    @Test
    void addressesArePlumbedIntoALxcContainersNamespace() throws Exception {
        assumeTrue(Namespaces.available() && Guests.available(), "needs root, iproute2, arping and LXC");
        String guest = "nn" + UUID.randomUUID().toString().substring(0, 8);
        try (Guests guests = Guests.create(); Namespaces net = new Namespaces()) {
            net.host("a", 1);
            net.host("o", 9);
            // a private bridge on host a for the veth mode
            net.in("a", "ip", "link", "add", "br1", "type", "bridge");
            net.in("a", "ip", "addr", "add", "10.78.0.1/24", "dev", "br1");
            net.in("a", "ip", "link", "set", "br1", "up");
            guests.make(guest);
            Path config = config(guests, "ns", "[DEFAULT]\nnodes = a\nencapnodes = " + guest
                    + "\n\n[container#1]\ntype = lxc\nname = " + guest
                    + "\ncontainer_data_dir = " + guests.lxcPath() + "\nstop_timeout = 10s\n\n"
                    + "[ip#1]\ntype = netns\nnetns = container#1\nipdev = br1\nipname = 10.78.0.5\nnetmask = 24\n"
                    + "gateway = 10.78.0.1\n\n"
                    + "[ip#2]\ntype = netns\nnetns = container#1\nmode = macvlan\nipdev = eth0\nnsdev = eth2\n"
                    + "ipname = " + Namespaces.LAN + "150\nnetmask = 24\n\n"
                    // plumbed by the guest's own agent, on the interface ip#1 gave the guest
                    + "[ip#3]\nencap = true\nipdev = eth1\nipname = 10.78.0.6\nnetmask = 24\n");
            nestor(guests, net, "a", "a", "svc", "create", "ns", "--config", config.toString()).check("create");
            try {
                String started = nestor(guests, net, "a", "a", "svc", "start", "ns").check("start").output();
                assertTrue(started.indexOf("container#1 INFO started") < started.indexOf("ip#1 INFO ip link add"),
                        started);
                net.in("a", "ping", "-c", "1", "-W", "2", "10.78.0.5");
                assertTrue(started.contains(guest + ".ns.ip#3 INFO ip addr add 10.78.0.6/24 dev eth1"), started);
                net.in("a", "ping", "-c", "1", "-W", "2", "10.78.0.6");
                net.in("o", "ping", "-c", "1", "-W", "2", Namespaces.LAN + "150");
                String inside = attach(net, guests, guest, "/usr/sbin/ip", "route");
                assertTrue(inside.contains("default via 10.78.0.1 dev eth1"), inside);
                String tree = nestor(guests, net, "a", "a", "svc", "print-status", "--refresh", "ns").check("status")
                        .output();
                assertTrue(tree.matches("(?s)ns +up\\n.*ip#1 +\\.+ +up +10\\.78\\.0\\.5 in container#1 \\(bridge on "
                        + "br1, eth1\\).*ip#2 +\\.+ +up .*"), tree);

                // stop: the addresses and the interfaces this service made leave before the container
                String stopped = nestor(guests, net, "a", "a", "svc", "stop", "--rid", "ip", "ns").check("stop ips")
                        .output();
                assertTrue(stopped.contains("ip link del eth1"), stopped);
                String links = attach(net, guests, guest, "/usr/sbin/ip", "-o", "link");
                assertFalse(links.contains("eth1") || links.contains("eth2"), links);
                assertFalse(net.in("a", "ip", "-o", "link").output().contains("master br1"), "no veth left on br1");

                // ipvlan where the kernel has it (CONFIG_IPVLAN); where it has not, a clear error
                nestor(guests, net, "a", "a", "svc", "set", "--kw", "ip#2.mode=ipvlan-l2", "ns").check("ipvlan");
                boolean ipvlan = net.run("a", List.of("ip", "link", "add", "probe0", "link", "eth0", "type", "ipvlan",
                        "mode", "l2"), Map.of()).exit() == 0;
                Result withIpvlan = nestor(guests, net, "a", "a", "svc", "start", "ns");
                if (ipvlan) {
                    withIpvlan.check("start with ipvlan");
                    net.in("o", "ping", "-c", "1", "-W", "2", Namespaces.LAN + "150");
                } else {
                    assertTrue(withIpvlan.exit() == 1 && withIpvlan.output().contains("ip#2: start failed: mode "
                            + "ipvlan-l2: this node's kernel cannot make such interfaces"), withIpvlan.output());
                }
            } finally {
                nestor(guests, net, "a", "a", "svc", "stop", "ns");
            }
        }
    }
}
