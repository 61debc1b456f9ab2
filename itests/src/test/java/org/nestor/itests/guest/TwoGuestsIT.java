package org.nestor.itests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;

/**
 * A farmed-farmed service on two real LXC guests: encapsulated apps run in both, relayed in
 * parallel; scoped actions reach only what they select; an edit made in one guest reaches the
 * hypervisor and the other guest; a guest whose agent hangs fails on its encap_timeout without
 * holding the other one back.
 */
class TwoGuestsIT {

    @Test
    void bothGuestsRunTheServiceAndShareTheNewestConfiguration() throws Exception {
        assumeTrue(Guests.available(), "real LXC needs root and the lxc tools");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String first = "na" + suffix;
        String second = "nb" + suffix;
        try (Guests guests = Guests.create()) {
            guests.make(first);
            guests.make(second);
            create(guests, "ff", first, second, "one", "two");

            guests.hostNestor("hv1", "svc", "start", "ff").check("start");
            for (String guest : new String[] {first, second}) {
                assertTrue(up(guests, guest, "one") && up(guests, guest, "two"), guest + " runs both apps");
            }

            // scoped: app#2 only, in both guests; container#1 only: no guest is asked
            guests.hostNestor("hv1", "svc", "stop", "--rid", "app#2", "ff").check("stop app#2");
            for (String guest : new String[] {first, second}) {
                assertTrue(up(guests, guest, "one") && !up(guests, guest, "two"), guest + ": only app#2 stopped");
            }
            String hostOnly = guests.hostNestor("hv1", "svc", "start", "--rid", "container#1", "ff").check("host only")
                    .output();
            assertFalse(hostOnly.contains("relay to"), hostOnly);

            // an edit in the first guest reaches the hypervisor and the second guest
            Thread.sleep(1100);
            guests.attach(first, null, Guests.GUEST_NESTOR, "svc", "set", "--kw", "app#1.comment=from the first guest",
                    "ff").check("edit in the first guest");
            String relayed = guests.hostNestor("hv1", "svc", "start", "ff").check("start again").output();
            assertTrue(relayed.contains("pulled the configuration of " + first)
                    && relayed.contains("pushed the configuration to " + second), relayed);
            assertTrue(guests.attach(second, null, "/bin/cat", "/opt/nestor/etc/nestor/services/ff.conf").output()
                    .contains("from the first guest"), "the edit survives in the other guest");

            // an agent that hangs fails on its timeout; the other guest is served all the same
            guests.attach(second, "#!/bin/sh\nexec sleep 600\n", "/bin/sh", "-c", "cat > /tmp/hang && chmod 755 /tmp/hang")
                    .check("hanging agent");
            guests.hostNestor("hv1", "svc", "set", "--kw", "container#2.encap_agent=/tmp/hang", "--kw",
                    "container#2.encap_timeout=2s", "ff").check("set");
            guests.hostNestor("hv1", "svc", "stop", "--slaves", "ff").output();
            Processes.Result hung = guests.hostNestor("hv1", "svc", "start", "--slaves", "ff");
            assertEquals(1, hung.exit(), hung.output());
            assertTrue(hung.output().contains("guest " + second + ": start did not end within 2s (encap_timeout)"),
                    hung.output());
            assertTrue(up(guests, first, "one"), "the first guest was served");
            guests.hostNestor("hv1", "svc", "stop", "--master", "ff").check("stop the containers");
        }
    }

    /**
     * Farmed failover: both guests' containers run, the encapsulated app runs in one guest at a time
     * and svc switch --to moves it from one guest to the other (by container name or rid).
     */
    @Test
    void switchMovesTheEncapsulatedServiceBetweenGuests() throws Exception {
        assumeTrue(Guests.available(), "real LXC needs root and the lxc tools");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String first = "fa" + suffix;
        String second = "fb" + suffix;
        try (Guests guests = Guests.create()) {
            guests.make(first);
            guests.make(second);
            create(guests, "fo", first, second, "one");
            guests.hostNestor("hv1", "svc", "start", "--rid", "container#1", "fo").check("first container");

            Processes.Result stopped = guests.hostNestor("hv1", "svc", "switch", "fo", "--to", second);
            assertEquals(1, stopped.exit(), stopped.output());
            assertTrue(stopped.output().contains("its container container#2 is not running (svc start --master fo "
                    + "first)"), stopped.output());

            guests.hostNestor("hv1", "svc", "start", "--master", "fo").check("both containers");
            guests.hostNestor("hv1", "svc", "start", "--slave", first, "fo").check("the app in the first guest");
            assertTrue(up(guests, first, "one") && !up(guests, second, "one"));

            String switched = guests.hostNestor("hv1", "svc", "switch", "fo", "--to", second).check("switch").output();
            assertTrue(up(guests, second, "one") && !up(guests, first, "one"), switched);
            assertTrue(switched.indexOf("relay to " + first + ": " + Guests.GUEST_NESTOR + " svc stop fo")
                    < switched.indexOf("relay to " + second + ": " + Guests.GUEST_NESTOR + " svc start fo"), switched);
            String back = guests.hostNestor("hv1", "svc", "switch", "fo", "--to", "container#1").check("back").output();
            assertTrue(up(guests, first, "one") && !up(guests, second, "one"), back);
            assertTrue(guests.hostNestor("hv1", "svc", "switch", "fo", "--to", first).check("again").output()
                    .contains("fo already runs in " + first));
            guests.hostNestor("hv1", "svc", "stop", "fo").check("stop");
        }
    }

    /** A service of two LXC guests (container#1, container#2) whose encapsulated apps mark /tmp/APP.up. */
    private static void create(Guests guests, String service, String first, String second, String... apps)
            throws IOException {
        StringBuilder config = new StringBuilder("[DEFAULT]\nnodes = hv1\nencapnodes = " + first + " " + second + "\n");
        int index = 1;
        for (String guest : new String[] {first, second}) {
            config.append("\n[container#").append(index++).append("]\ntype = lxc\nname = ").append(guest)
                    .append("\ncontainer_data_dir = ").append(guests.lxcPath()).append("\nstop_timeout = 10s\n");
        }
        index = 1;
        for (String app : apps) {
            config.append("\n[app#").append(index++).append("]\nencap = true\nstart = /usr/bin/touch /tmp/").append(app)
                    .append(".up\nstop = /bin/rm -f /tmp/").append(app).append(".up\ncheck = /usr/bin/test -e /tmp/")
                    .append(app).append(".up\n");
        }
        Path file = Files.writeString(guests.work().resolve(service + ".conf"), config);
        guests.hostNestor("hv1", "svc", "create", "--config", file.toString(), service).check("create");
    }

    private static boolean up(Guests guests, String guest, String app) throws Exception {
        return guests.attach(guest, null, "/usr/bin/test", "-e", "/tmp/" + app + ".up").exit() == 0;
    }
}
