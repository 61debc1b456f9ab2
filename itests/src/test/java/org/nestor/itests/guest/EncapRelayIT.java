package org.nestor.itests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;

/**
 * Encapsulation end to end with this build's bin/nestor: a service whose container is a real LXC
 * guest running the standalone agent (make-guest.sh) and whose app resource is encapsulated. The
 * hypervisor-level actions relay into the guest, --master/--slave(s) pick the levels, an edit made
 * inside the guest is pulled rather than rolled back, a missing agent is reported as such.
 */
class EncapRelayIT {

    @Test
    void actionsReachTheGuestAgentAndGuestEditsSurvive() throws Exception {
        assumeTrue(Guests.available(), "real LXC needs root and the lxc tools");
        String guest = "ne" + UUID.randomUUID().toString().substring(0, 8);
        try (Guests guests = Guests.create()) {
            guests.make(guest);
            Path config = Files.writeString(guests.work().resolve("es.conf"), "[DEFAULT]\nnodes = hv1\nencapnodes = "
                    + guest + "\n\n[container#1]\ntype = lxc\nname = " + guest + "\ncontainer_data_dir = "
                    + guests.lxcPath() + "\nstop_timeout = 10s\n\n[app#1]\nencap = true\n"
                    + "start = /bin/touch /tmp/encap.up\nstop = /bin/rm -f /tmp/encap.up\ncheck = /bin/test -e /tmp/encap.up\n");
            guests.hostNestor("hv1", "svc", "create", "--config", config.toString(), "es").check("create");

            String started = guests.hostNestor("hv1", "svc", "start", "es").check("start").output();
            assertTrue(started.contains("pushed the configuration to " + guest + " (it had none)"), started);
            assertTrue(started.indexOf("container#1 INFO started") < started.indexOf("relay to " + guest), started);
            assertTrue(appUp(guests, guest), "the encapsulated app runs in the guest");
            String tree = guests.hostNestor("hv1", "svc", "print-status", "--refresh", "es").check("status").output();
            assertTrue(tree.matches("(?s)es +up\\n.*`- container#1 +\\.+ +up .*\\n +`- app#1 +\\.{4}E\\.{3} +up .*"), tree);
            String json = guests.hostNestor("hv1", "svc", "print-status", "--format", "json", "es").output();
            assertTrue(json.contains("\"encap\" : {\n    \"container#1\" : {") && json.contains("\"node\" : \"" + guest
                    + "\""), json);

            guests.hostNestor("hv1", "svc", "stop", "--slaves", "es").check("stop in the guests only");
            assertTrue(!appUp(guests, guest) && containerState(guests, guest).equals("RUNNING"));

            Processes.Result unknown = guests.hostNestor("hv1", "svc", "start", "--slave", "nope", "es");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.output().contains("--slave nope: service es has no such guest (" + guest), unknown.output());

            // an edit inside the guest, a second later than the host's copy, wins
            Thread.sleep(1100);
            guests.attach(guest, null, Guests.GUEST_NESTOR, "svc", "set", "--kw", "app#1.comment=edited in the guest",
                    "es").check("edit inside the guest");
            String relayed = guests.hostNestor("hv1", "svc", "start", "--slave", guest, "es").check("start in the guest")
                    .output();
            assertTrue(relayed.contains("pulled the configuration of " + guest), relayed);
            assertTrue(guests.hostNestor("hv1", "svc", "print-config", "es").output().contains("edited in the guest"));
            assertTrue(appUp(guests, guest));

            // then an edit on the hypervisor, newer again, goes to the guest: push-config says so
            Thread.sleep(1100);
            guests.hostNestor("hv1", "svc", "set", "--kw", "app#1.comment=edited on the host", "es").check("host edit");
            String pushed = guests.hostNestor("hv1", "svc", "push-config", "es").check("push-config").output();
            assertTrue(pushed.contains("pushed the configuration to " + guest), pushed);
            assertTrue(guests.attach(guest, null, "/bin/cat", "/opt/nestor/etc/nestor/services/es.conf").output()
                    .contains("edited on the host"));
            assertTrue(guests.hostNestor("hv1", "svc", "push-config", "es").output()
                    .contains("es: the configuration is the same everywhere"));

            // both edited: the newest (the guest's) wins, and the hypervisor's lost edit is said
            Thread.sleep(1100);
            guests.hostNestor("hv1", "svc", "set", "--kw", "app#1.comment=host side", "es").check("host edit");
            Thread.sleep(1100);
            guests.attach(guest, null, Guests.GUEST_NESTOR, "svc", "set", "--kw", "app#1.comment=guest side", "es")
                    .check("guest edit");
            String both = guests.hostNestor("hv1", "svc", "push-config", "es").check("push-config").output();
            assertTrue(both.contains("this node's edit of ") && both.contains("is overwritten by the newer one of "
                    + guest) && both.contains("pulled the configuration of " + guest), both);
            assertTrue(guests.hostNestor("hv1", "svc", "print-config", "es").output().contains("guest side"));

            // a newer but empty copy in the guest is refused, and the hypervisor's stays as it was
            Thread.sleep(1100);
            guests.attach(guest, null, "/bin/sh", "-c", "printf '[DEFAULT]\\n' > /opt/nestor/etc/nestor/services/es.conf")
                    .check("empty the guest's copy");
            Processes.Result empty = guests.hostNestor("hv1", "svc", "push-config", "es");
            assertEquals(1, empty.exit(), empty.output());
            assertTrue(empty.output().contains("pulled an empty configuration from " + guest), empty.output());
            assertTrue(guests.hostNestor("hv1", "svc", "print-config", "es").output().contains("guest side"));

            guests.hostNestor("hv1", "svc", "set", "--kw", "container#1.encap_agent=/no/agent", "es").check("set");
            String stopped = guests.hostNestor("hv1", "svc", "stop", "es").check("stop with a missing agent").output();
            assertTrue(stopped.contains("guest " + guest + " cannot be joined (exit 127: agent /no/agent missing"),
                    stopped);
            assertEquals("STOPPED", containerState(guests, guest), "an unjoinable guest does not keep its host up");

            String down = guests.hostNestor("hv1", "svc", "print-status", "es").output();
            assertTrue(down.contains("info: container " + guest + " is not running"), down);
            Processes.Result refused = guests.hostNestor("hv1", "svc", "start", "--slaves", "es");
            assertTrue(refused.output().contains("skip: container " + guest + " not running"), refused.output());
            assertEquals(0, refused.exit(), "nothing to do is no failure");
        }
    }

    private static boolean appUp(Guests guests, String guest) throws Exception {
        return guests.attach(guest, null, "/bin/test", "-e", "/tmp/encap.up").exit() == 0;
    }

    private static String containerState(Guests guests, String guest) throws Exception {
        return Processes.run(List.of("lxc-info", "-n", guest, "-P", guests.lxcPath().toString(), "-s", "-H"), null, 30)
                .output().strip();
    }
}
