package org.nestor.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.Problem;
import org.nestor.core.config.ValueType;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.testsupport.FakeDriver;
import org.nestor.testsupport.FakeWorld;

class DriverRegistryTest {

    /** A container driver declaring a scopable keyword of its own, as a driver bundle would. */
    private final ResourceDriver docker = new FakeDriver("container", "docker", new FakeWorld()).withAliases("oci")
            .withKeywords(Keyword.of("container", "image", ValueType.STRING, "Image to run").asScopable());

    /** A node's dictionary: the built-in app driver and these. */
    private static DriverRegistry dictionaryWith(ResourceDriver... drivers) {
        DriverRegistry dictionary = new DriverRegistry();
        dictionary.addDriver(new AppDriver());
        for (ResourceDriver driver : drivers) {
            dictionary.addDriver(driver);
        }
        return dictionary;
    }

    private List<String> problems(DriverRegistry dictionary, String ini) {
        return dictionary.validate(ConfigReader.read(ini, "svc.conf")).stream().map(Problem::toString).toList();
    }

    @Test
    void validConfigurationHasNoProblems() {
        assertEquals(List.of(), problems(dictionaryWith(docker), """
                [DEFAULT]
                nodes = hv1 hv2
                nodes@encapnodes = vm1
                topology = flex
                timeout = 10s

                [env]
                anything.goes = {whatever}

                [container#0]
                type = oci
                image@hv1 = busybox

                [app#1]
                start = /bin/true
                optional@nodes = true

                [subset#app:g1]
                parallel = true
                """));
    }

    @Test
    void unknownKeywordsSuggestTheClosestName() {
        assertEquals(List.of(
                "svc.conf:2: [DEFAULT] nodez: unknown keyword (did you mean 'nodes'?)",
                "svc.conf:5: [app#1] strat: unknown keyword (did you mean 'start'?)",
                "svc.conf:6: [app#1] zzzzzz: unknown keyword"), problems(dictionaryWith(), """
                [DEFAULT]
                nodez = a

                [app#1]
                strat = /bin/true
                zzzzzz = 1
                """));
    }

    @Test
    void sectionsGroupsAndTypesAreChecked() {
        assertEquals(List.of(
                "svc.conf:1: [fss#1] unknown resource group 'fss' (did you mean 'fs'?)",
                "svc.conf:2: [defaults] unknown section 'defaults': expected DEFAULT, env, <group>#<index> or "
                        + "subset#<group>:<name>",
                "svc.conf:4: [container#1] type: unknown type 'dokcer' for group 'container' (did you mean "
                        + "'docker'?) (installed: docker, oci)",
                "svc.conf:5: [container#2] missing keyword 'type': the container group has no default type "
                        + "(installed: docker, oci)",
                "svc.conf:6: [disk#1] missing keyword 'type': the disk group has no default type "
                        + "(no disk driver is installed)"),
                problems(dictionaryWith(docker), """
                        [fss#1]
                        [defaults]
                        [container#1]
                        type = dokcer
                        [container#2]
                        [disk#1]
                        """));
    }

    @Test
    void scopesPlacesAndLiteralValuesAreChecked() {
        assertEquals(List.of(
                "svc.conf:2: [DEFAULT] topology@hv1: keyword 'topology' is not scopable",
                "svc.conf:3: [DEFAULT] topology: 'ring' is not one of failover, flex",
                "svc.conf:4: [DEFAULT] flex_min: 'two' is not an integer",
                "svc.conf:5: [DEFAULT] nodes@: empty scope after '@'",
                "svc.conf:7: [app#1] nodes: keyword 'nodes' belongs in the DEFAULT section",
                "svc.conf:8: [app#1] timeout: '5 minutes' is not a duration (like 90, 30s, 5m, 1h30m, 2d)"),
                problems(dictionaryWith(), """
                        [DEFAULT]
                        topology@hv1 = flex
                        topology = ring
                        flex_min = two
                        nodes@ = x
                        [app#1]
                        nodes = a
                        timeout = 5 minutes
                        """));
    }

    @Test
    void valuesWithReferencesAreLeftToEvaluation() {
        assertEquals(List.of(), problems(dictionaryWith(), """
                [app#1]
                timeout = {env.t}
                """));
    }

    @Test
    void driversArrivingAndLeavingChangeTheDictionaryAtOnce() {
        DriverRegistry dictionary = dictionaryWith();
        String config = "[container#1]\ntype = docker\nimage = busybox\n";
        assertEquals(1, problems(dictionary, config).size());
        assertNull(dictionary.find("container#1", "docker", "image"));

        dictionary.addDriver(docker);
        assertEquals(List.of(), problems(dictionary, config));
        assertNotNull(dictionary.find("container#1", "docker", "image"));
        assertEquals("container.docker", dictionary.driverType("container", "oci"));
        assertTrue(dictionary.driverTypes().contains("container.docker"));
        assertTrue(dictionary.keywords().stream().anyMatch(k -> k.scope().equals("container.docker")));

        dictionary.removeDriver(docker);
        assertEquals(List.of("svc.conf:2: [container#1] type: unknown type 'docker' for group 'container' "
                + "(no container driver is installed)"), problems(dictionary, config));
    }
}
