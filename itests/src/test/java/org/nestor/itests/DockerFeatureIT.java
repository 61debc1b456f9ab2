package org.nestor.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Feature nestor-docker installed into a running Nestor: container.docker and docker:containers
 * appear without a restart, and a service of two containers (a holder owning the network
 * namespace, an app sharing it) starts and stops from the console against podman's Docker API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DockerFeatureIT extends NestorKarafTestSupport {

    private static final String IDLE = "sh -c 'trap \"exit 0\" TERM; while :; do sleep 1; done'";

    @Test
    public void hotInstalledFeatureRunsAServiceOfTwoContainers() throws Exception {
        assertTrue(hotInstall("nestor-docker", "org.nestor.docker", "container.docker").contains("run_args"));
        assertTrue(execute("svc:print-keywords container.oci").contains("run_args"));
        Path work = Files.createTempDirectory("nestor-docker-it");
        String absent = execute("docker:containers --host unix://" + work.resolve("none.sock"));
        assertTrue(absent, absent.contains("none.sock") && absent.contains("SERVICE"));

        boolean podman = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/podman"));
        if (Boolean.parseBoolean(System.getenv("CI")) && !podman) {
            throw new AssertionError("CI=true but podman cannot run here: .ci/run must install podman");
        }
        Assume.assumeTrue("a real Docker Engine API needs root and podman", podman);
        Path script = Path.of(System.getProperty(SOURCES), "bundle-docker/src/test/podman/podman-engine.sh");
        String host = Processes.run(List.of(script.toString(), "start", work.resolve("engine").toString()), null, 120)
                .check("start the podman engine").output().strip();
        String service = "dk" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Path config = work.resolve("pair.conf");
            Files.writeString(config, "[DEFAULT]\nnodes = " + NODE + "\n\n"
                    + container(0, "docker", host) + "\n" + container(1, "oci", host) + "netns = container#0\nrm = true\n");
            execute("svc:create --config " + config + " " + service);
            execute("svc:start " + service);
            String status = execute("svc:print-status " + service);
            assertTrue(status, status.matches("(?s).*container#0 .*up .*container#1 .*up .*"));
            String listed = execute("docker:containers --host " + host);
            assertTrue(listed, listed.matches("(?s).*" + service + " +container#1 +" + service + "\\.container\\.1 .*running.*"));
            execute("svc:stop " + service);
            assertTrue(execute("svc:print-status " + service).matches("(?s).*container#0 .*down .*container#1 .*down.*"));
            assertFalse("rm = true removed container#1", execute("docker:containers --host " + host)
                    .contains(service + ".container.1"));
        } finally {
            execute("svc:delete " + service);
            Processes.run(List.of("sh", "-c", "CONTAINERS_CONF=" + work.resolve("engine/containers.conf")
                    + " podman rm -i -f -t 0 --depend " + service + ".container.0"), null, 60);
            Processes.run(List.of(script.toString(), "stop", work.resolve("engine").toString()), null, 60);
            Processes.run(List.of("rm", "-rf", work.toString()), null, 60);
        }
    }

    private static String container(int index, String type, String host) {
        return "[container#" + index + "]\ntype = " + type + "\nimage = localhost/nestor-mini:latest\ncommand = " + IDLE
                + "\ndocker_host = " + host + "\nstop_timeout = 5s\n";
    }
}
