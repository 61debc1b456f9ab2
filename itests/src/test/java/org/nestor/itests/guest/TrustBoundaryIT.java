package org.nestor.itests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;

/**
 * Issue 15 reproduced on a real LXC guest with this build's bin/nestor: root inside the guest adds a
 * section the hypervisor would run ({@code [app#2]} touching a file) to the guest's copy of the
 * service and makes it newer. The next hypervisor-level restart runs nothing of it on the host and
 * keeps the host's copy; the refusal names app#2 and shows on the container's row; the guest's copy
 * keeps its edit until {@code push-config --force} replaces it with the host's.
 */
class TrustBoundaryIT {

    private static final String SERVICE = "tb";
    private static final String GUEST_COPY = "/opt/nestor/etc/nestor/services/" + SERVICE + ".conf";

    @Test
    void aGuestCannotAddWhatTheHypervisorRuns() throws Exception {
        assumeTrue(Guests.available(), "real LXC needs root and the lxc tools");
        String guest = "nt" + UUID.randomUUID().toString().substring(0, 8);
        Path pwned = Path.of("/tmp/PWNED_ON_HOST." + guest);
        try (Guests guests = Guests.create()) {
            guests.make(guest);
            Path config = Files.writeString(guests.work().resolve(SERVICE + ".conf"), "[DEFAULT]\nnodes = hv1\n"
                    + "encapnodes = " + guest + "\n\n[container#1]\ntype = lxc\nname = " + guest
                    + "\ncontainer_data_dir = " + guests.lxcPath() + "\nstop_timeout = 10s\n\n[app#1]\nencap = true\n"
                    + "start = /bin/touch /tmp/encap.up\nstop = /bin/rm -f /tmp/encap.up\n"
                    + "check = /bin/test -e /tmp/encap.up\n");
            guests.hostNestor("hv1", "svc", "create", "--config", config.toString(), SERVICE).check("create");
            guests.hostNestor("hv1", "svc", "start", SERVICE).check("start");
            String hostCopy = guests.hostNestor("hv1", "svc", "print-config", SERVICE).check("print-config").output();

            // root in the guest appends a hypervisor-level app, a second later than the host's copy
            Thread.sleep(1100);
            guests.attach(guest, null, "/bin/sh", "-c", "printf '\\n[app#2]\\nstart = /usr/bin/touch " + pwned
                    + "\\ncheck = /usr/bin/test -f " + pwned + "\\n' >> " + GUEST_COPY + " && touch " + GUEST_COPY)
                    .check("edit the guest's copy");
            String edited = guests.attach(guest, null, "/bin/cat", GUEST_COPY).check("read the guest's copy").output();
            assertTrue(edited.contains("[app#2]"), edited);

            Processes.Result restarted = guests.hostNestor("hv1", "svc", "restart", SERVICE);
            assertEquals(0, restarted.exit(), "the hypervisor still acts: " + restarted.output());
            assertTrue(restarted.output().contains("refused the configuration of " + guest)
                    && restarted.output().contains("app#2 (added)"), restarted.output());
            assertFalse(restarted.output().contains("pulled the configuration of " + guest), restarted.output());
            assertFalse(restarted.output().contains("app#2 INFO start"), restarted.output());
            assertFalse(Files.exists(pwned), "nothing of the guest's copy ran on the hypervisor");
            assertEquals(hostCopy, guests.hostNestor("hv1", "svc", "print-config", SERVICE).output(),
                    "the host's copy is unchanged");
            assertEquals(edited, guests.attach(guest, null, "/bin/cat", GUEST_COPY).output(),
                    "the guest's copy keeps its edit");

            String tree = guests.hostNestor("hv1", "svc", "print-status", "--refresh", SERVICE).output();
            assertTrue(tree.contains("warn: configuration of " + guest + " refused, its copy changes app#2 (added)"),
                    tree);

            Processes.Result push = guests.hostNestor("hv1", "svc", "push-config", SERVICE);
            assertNotEquals(0, push.exit(), push.output());
            assertTrue(push.output().contains(guest + "'s copy changes app#2 (added)"), push.output());

            guests.hostNestor("hv1", "svc", "push-config", "--force", SERVICE).check("push-config --force");
            String replaced = guests.attach(guest, null, "/bin/cat", GUEST_COPY).output();
            assertFalse(replaced.contains("app#2"), replaced);
            assertEquals(hostCopy, guests.hostNestor("hv1", "svc", "print-config", SERVICE).output());
            assertTrue(guests.hostNestor("hv1", "svc", "push-config", SERVICE).check("push-config after --force")
                    .output().contains(SERVICE + ": the configuration is the same everywhere"));
            assertFalse(guests.hostNestor("hv1", "svc", "print-status", "--refresh", SERVICE).output()
                    .contains("refused"));
            assertFalse(Files.exists(pwned));

            guests.hostNestor("hv1", "svc", "stop", SERVICE).check("stop");
        } finally {
            Files.deleteIfExists(pwned);
        }
    }
}
