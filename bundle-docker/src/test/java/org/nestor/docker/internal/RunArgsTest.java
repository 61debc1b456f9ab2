package org.nestor.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import org.junit.jupiter.api.Test;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.DriverRegistry;

class RunArgsTest {

    @Test
    void mapsTheSupportedFlagsOntoTheCreateParameters() {
        RunArgs args = RunArgs.parse("-v /srv/data:/data:ro --publish 8080:80 -e A=1 --env=B='two words' -u 1000 "
                + "--net=host -h web1 --cap-add net_admin --privileged --ulimit nofile=1024:2048");
        CreateContainerCmd create = new CreateContainerCmdImpl(command -> null, null, "img");
        args.applyTo(create, null, Map.of("org.nestor.service", "web"));
        assertEquals("/srv/data:/data:ro", create.getHostConfig().getBinds()[0].toString());
        assertEquals(80, create.getExposedPorts()[0].getPort());
        assertEquals(List.of("A=1", "B=two words"), List.of(create.getEnv()));
        assertEquals("1000", create.getUser());
        assertEquals("host", create.getHostConfig().getNetworkMode());
        assertEquals("web1", create.getHostName());
        assertEquals(Capability.NET_ADMIN, create.getHostConfig().getCapAdd()[0]);
        assertTrue(create.getHostConfig().getPrivileged());
        assertEquals(2048L, create.getHostConfig().getUlimits()[0].getHardLong());
        assertEquals("web", create.getLabels().get("org.nestor.service"));
    }

    @Test
    void netnsWinsOverTheNetFlag() {
        CreateContainerCmd create = new CreateContainerCmdImpl(command -> null, null, "img");
        RunArgs.parse("--net host").applyTo(create, "container:abc", Map.of());
        assertEquals("container:abc", create.getHostConfig().getNetworkMode());
    }

    @Test
    void badFlagsAreNamed() {
        assertEquals("unsupported flag '--rm' (supported: " + String.join(", ", RunArgs.SUPPORTED) + ")",
                assertThrows(IllegalArgumentException.class, () -> RunArgs.parse("-v /a:/a --rm")).getMessage());
        assertEquals("flag '-e' needs a value",
                assertThrows(IllegalArgumentException.class, () -> RunArgs.parse("-e")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunArgs.parse("--ulimit nofile"))
                .getMessage().contains("flag '--ulimit': bad value 'nofile'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunArgs.parse("busybox sh"))
                .getMessage().contains("'busybox' is not a flag"));
    }

    @Test
    void validationReportsTheFlagWithFileAndLine() {
        DriverRegistry registry = new DriverRegistry();
        registry.addDriver(new DockerDriver());
        ServiceConfig config = ConfigReader.read("[DEFAULT]\nnodes = hv1\n\n[container#1]\ntype = oci\nimage = busybox\n"
                + "run_args = -v /a:/a --memory 1g\n", "web.conf");
        List<String> problems = registry.validate(config).stream().map(Object::toString).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("web.conf:7: [container#1] run_args: unsupported flag '--memory'"),
                problems.get(0));
    }
}
