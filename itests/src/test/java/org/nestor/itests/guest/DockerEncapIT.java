package org.nestor.itests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nestor.itests.Processes;

/**
 * Encapsulation over docker exec: a container of podman's Docker API whose busybox image gets the
 * host's /usr, the JDK's links and this build's distribution bind-mounted read-only (and its own
 * etc/nestor and data), so that it runs the guest agent; the hypervisor-level start and stop relay
 * into it and its status is folded in.
 */
class DockerEncapIT {

    @Test
    void actionsAndStatusGoThroughDockerExec() throws Exception {
        boolean podman = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/podman"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !podman) {
            throw new IllegalStateException("CI=true but podman cannot run here: .ci/run must install podman");
        }
        assumeTrue(podman, "a real Docker Engine API needs root and podman");
        String guest = "nd" + UUID.randomUUID().toString().substring(0, 8);
        Path script = Path.of("../bundle-docker/src/test/podman/podman-engine.sh").toAbsolutePath().normalize();
        try (Guests guests = Guests.create()) {
            Path engine = guests.work().resolve("engine");
            String host = Processes.run(List.of(script.toString(), "start", engine.toString()), null, 120)
                    .check("podman engine").output().strip();
            try {
                Path etc = Files.createDirectories(guests.work().resolve("guest-etc/services"));
                Files.writeString(etc.getParent().resolve("node.cfg"), "name = " + guest + "\n");
                Path data = Files.createDirectories(guests.work().resolve("guest-data"));
                List<String> binds = new ArrayList<>(List.of("/usr:/usr:ro", "/usr/lib:/lib:ro", "/usr/lib64:/lib64:ro",
                        "/etc/alternatives:/etc/alternatives:ro", guests.distribution() + ":/opt/nestor:ro",
                        etc.getParent() + ":/opt/nestor/etc/nestor", data + ":/opt/nestor/data"));
                try (Stream<Path> jdkLinks = Files.list(Path.of("/etc"))) {
                    jdkLinks.filter(p -> p.getFileName().toString().startsWith("java-"))
                            .forEach(p -> binds.add(p + ":" + p + ":ro"));
                }
                StringBuilder runArgs = new StringBuilder("-h " + guest);
                binds.forEach(bind -> runArgs.append(" -v ").append(bind));
                Path config = Files.writeString(guests.work().resolve("dk.conf"), "[DEFAULT]\nnodes = hv1\n"
                        + "encapnodes = " + guest + "\n\n[container#1]\ntype = docker\nname = " + guest
                        + "\nimage = localhost/nestor-mini:latest\ndocker_host = " + host
                        + "\ncommand = sh -c 'trap \"exit 0\" TERM; while :; do sleep 1; done'\nrun_args = " + runArgs
                        + "\nrm = true\nstop_timeout = 5s\n\n[app#1]\nencap = true\nstart = /usr/bin/touch /tmp/encap.up\n"
                        + "stop = /bin/rm -f /tmp/encap.up\ncheck = /bin/test -e /tmp/encap.up\n");
                guests.hostNestor("hv1", "svc", "create", "--config", config.toString(), "dk").check("create");

                String started = guests.hostNestor("hv1", "svc", "start", "dk").check("start").output();
                assertTrue(started.contains("pushed the configuration to " + guest + " (it had none)")
                        && started.contains(guest + ": " + guest + ".dk.app#1 INFO started"), started);
                String tree = guests.hostNestor("hv1", "svc", "print-status", "dk").output();
                assertTrue(tree.matches("(?s)dk +up\\n.*`- container#1 .*up .*\\n +`- app#1 +\\.{4}E\\.{3} +up .*"), tree);

                String stopped = guests.hostNestor("hv1", "svc", "stop", "dk").check("stop").output();
                assertTrue(stopped.indexOf(guest + ".dk.app#1 INFO stopped") < stopped.indexOf("stopping " + guest),
                        "the guest stops before its container: " + stopped);
                assertEquals(1, Processes.run(List.of("sh", "-c", "CONTAINERS_CONF=" + engine.resolve("containers.conf")
                        + " podman container exists " + guest), null, 60).exit(), "rm = true removed the container");
            } finally {
                Processes.run(List.of("sh", "-c", "CONTAINERS_CONF=" + engine.resolve("containers.conf")
                        + " podman rm -i -f -t 0 " + guest), null, 60);
                Processes.run(List.of(script.toString(), "stop", engine.toString()), null, 60);
            }
        }
    }
}
