package org.nestor.itests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;

/**
 * The guest image of make-guest.sh, started by this build's bin/nestor as a container.lxc
 * resource, runs the standalone agent inside: its own node name and services, the distribution
 * read-only, the host's files untouched.
 */
class GuestImageIT {

    @Test
    void guestRunsTheStandaloneAgent() throws Exception {
        assumeTrue(Guests.available(), "real LXC needs root and the lxc tools");
        String guest = "ng" + UUID.randomUUID().toString().substring(0, 8);
        try (Guests guests = Guests.create()) {
            guests.make(guest);
            Path hostConfig = guests.work().resolve("host.conf");
            Files.writeString(hostConfig, "[DEFAULT]\nnodes = hv1\n\n[container#1]\ntype = lxc\nname = " + guest
                    + "\ncontainer_data_dir = " + guests.lxcPath() + "\nstop_timeout = 10s\n");
            guests.hostNestor("hv1", "svc", "create", "--config", hostConfig.toString(), "hv").check("create");
            guests.hostNestor("hv1", "svc", "start", "hv").check("start the guest");

            String appConfig = "[DEFAULT]\nnodes = " + guest + "\n\n[app#1]\ntype = forking\n"
                    + "start = /bin/touch /tmp/app.up\nstop = /bin/rm -f /tmp/app.up\ncheck = /bin/test -e /tmp/app.up\n";
            guests.attach(guest, appConfig, Guests.GUEST_NESTOR, "svc", "create", "--config", "-", "app")
                    .check("create a service inside the guest");
            guests.attach(guest, null, Guests.GUEST_NESTOR, "svc", "start", "app").check("start inside");
            String status = guests.attach(guest, null, Guests.GUEST_NESTOR, "svc", "print-status", "app",
                    "--format", "json").check("status inside").output();
            assertTrue(status.contains("\"avail\" : \"up\"") || status.contains("\"avail\":\"up\""), status);
            assertTrue(status.contains(guest), "the guest's node name is its own: " + status);

            Path guestServices = guests.lxcPath().resolve(guest).resolve("rootfs/var/lib/nestor/etc/services");
            assertTrue(Files.exists(guestServices.resolve("app.conf")), "the guest keeps its services in its rootfs");
            assertFalse(Files.exists(guests.distribution().resolve("etc/nestor/services/app.conf")),
                    "the shared distribution is not written");
            assertNotEquals(0, guests.attach(guest, null, "/bin/touch", "/opt/nestor/bin/x").exit(),
                    "the distribution is read-only inside the guest");

            guests.hostNestor("hv1", "svc", "stop", "hv").check("stop the guest");
            String state = Processes.run(List.of("lxc-info", "-n", guest, "-P",
                    guests.lxcPath().toString(), "-s", "-H"), null, 30).output().strip();
            assertEquals("STOPPED", state);
        }
    }
}
