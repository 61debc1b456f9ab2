package org.nestor.itests.guest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;

/**
 * Encapsulation over SSH: the container is a domain of libvirt's test driver whose "guest" is
 * reached by SSH on loopback (bundle-libvirt's loopback-sshd.sh, user nestorssh), where this
 * build's distribution serves as the guest agent with a node name of its own. The hypervisor-level
 * start relays into it, pushing the configuration first, and its status is folded in.
 */
class SshEncapIT {

    private static final String GUEST = "sshguest";

    @Test
    void actionsAndStatusGoThroughSsh() throws Exception {
        boolean components = "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/sbin/sshd")) && Files.isExecutable(Path.of("/usr/bin/virsh"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !components) {
            throw new IllegalStateException("CI=true but sshd or libvirt is missing: .ci/run must install them");
        }
        assumeTrue(components, "needs root, openssh-server and libvirt");
        Path sshdScript = Path.of("../bundle-libvirt/src/test/ssh/loopback-sshd.sh").toAbsolutePath().normalize();
        try (Guests guests = Guests.create()) {
            Path sshd = guests.work().resolve("sshd");
            String port = Processes.run(List.of(sshdScript.toString(), "start", sshd.toString()), null, 60)
                    .check("sshd").output().strip();
            try {
                // the unpacked distribution is the guest's agent, run by the unprivileged SSH user
                Path distribution = guests.distribution();
                Files.writeString(distribution.resolve("etc/nestor/node.cfg"), "name = " + GUEST + "\n");
                Processes.run(List.of("chmod", "755", guests.work().toString(), distribution.getParent().toString()),
                        null, 30).check("chmod");
                Path flags = Files.createDirectories(guests.work().resolve("flags"));
                Processes.run(List.of("chmod", "-R", "a+rwX", distribution.resolve("etc/nestor").toString(),
                        distribution.resolve("data").toString(), flags.toString()), null, 30).check("chmod");
                Path node = Files.copy(Path.of("../bundle-libvirt/src/test/resources/test-node.xml").toAbsolutePath()
                        .normalize(), guests.work().resolve("node.xml"));
                Path config = Files.writeString(guests.work().resolve("vm.conf"), "[DEFAULT]\nnodes = hv1\n"
                        + "encapnodes = " + GUEST + "\n\n[container#1]\ntype = libvirt\nuri = test://" + node
                        + "\nname = up1\nhostname = 127.0.0.1\nssh_user = nestorssh\nssh_port = " + port
                        + "\nssh_key = " + sshd.resolve("client") + "\nencap_agent = " + distribution.resolve("bin/nestor")
                        + "\n\n[app#1]\nencap = true\nstart = /usr/bin/touch {env.flag}\nstop = /bin/rm -f {env.flag}\n"
                        + "check = /usr/bin/test -e {env.flag}\n\n[env]\nflag = " + flags.resolve("ssh-encap.up")
                        + "\n");
                guests.hostNestor("hv1", "svc", "create", "--config", config.toString(), "vm").check("create");
                Files.copy(sshd.resolve("known_hosts"), guests.work().resolve("host/etc/nestor/known_hosts"));

                String started = guests.hostNestor("hv1", "svc", "start", "vm").check("start").output();
                assertTrue(started.contains("pushed the configuration to up1 (it had none)")
                        && started.contains("up1: " + GUEST + ".vm.app#1 INFO started"), started);
                assertTrue(Files.exists(flags.resolve("ssh-encap.up")), "the app ran through SSH");
                String tree = guests.hostNestor("hv1", "svc", "print-status", "vm").output();
                assertTrue(tree.matches("(?s).*`- app#1 +\\.{4}E\\.{3} +up .*"), tree);

                guests.hostNestor("hv1", "svc", "stop", "--slaves", "vm").check("stop in the guest");
                assertTrue(!Files.exists(flags.resolve("ssh-encap.up")));
            } finally {
                Processes.run(List.of(sshdScript.toString(), "stop", sshd.toString()), null, 60);
            }
        }
    }
}
