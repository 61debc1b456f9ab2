package org.nestor.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nestor.core.config.ConfigException;
import org.nestor.core.config.Problem;
import org.nestor.core.config.Section;
import org.nestor.core.config.ServiceConfig;

class ConfigReaderTest {

    private static final String INI = """
            # a comment
            [DEFAULT]
            nodes = hv1 hv2
            ; another comment
            nodes@vm1 = vm1

            [app#1]
            start = /bin/sh -c
                echo started
            check = /bin/true
            start = /bin/echo again
            """;

    @Test
    void readsIniSectionsAndKeywordsInOrder() {
        ServiceConfig config = ConfigReader.read(INI, "web.conf");
        assertEquals(List.of("DEFAULT", "app#1"), config.sections().stream().map(Section::name).toList());
        assertEquals(List.of("nodes", "nodes@vm1"),
                config.section("DEFAULT").entries().stream().map(Section.Entry::key).toList());
        assertEquals(3, config.section("DEFAULT").entry("nodes").line());
    }

    @Test
    void lastRepeatedKeywordWinsInPlace() {
        Section app = ConfigReader.read(INI, "web.conf").section("app#1");
        assertEquals("/bin/echo again", app.get("start"));
        assertEquals(List.of("start", "check"), app.entries().stream().map(Section.Entry::key).toList());
    }

    @Test
    void continuationLinesJoinWithNewlines() {
        ServiceConfig config = ConfigReader.readIni("[app#1]\nstart = a\n  b\n\tc\n", "x");
        assertEquals("a\nb\nc", config.section("app#1").get("start"));
    }

    @Test
    void iniRoundTripIsStable() {
        ServiceConfig config = ConfigReader.read(INI, "web.conf");
        String written = ConfigWriter.toIni(config);
        assertEquals(written, ConfigWriter.toIni(ConfigReader.read(written, "again")));
        assertTrue(written.startsWith("[DEFAULT]\nnodes = hv1 hv2\nnodes@vm1 = vm1\n\n[app#1]\n"), written);
    }

    @Test
    void jsonAndIniConvertBothWaysLosslessly() {
        ServiceConfig fromIni = ConfigReader.read(INI, "web.conf");
        String json = ConfigWriter.toJson(fromIni);
        ServiceConfig fromJson = ConfigReader.read(json, "web.json");
        assertEquals(ConfigWriter.toIni(fromIni), ConfigWriter.toIni(fromJson));
        assertEquals(json, ConfigWriter.toJson(fromJson));
    }

    @Test
    void jsonScalarsAndArraysBecomeText() {
        ServiceConfig config = ConfigReader.read("""
                {"DEFAULT": {
                  "nodes": ["hv1", "hv2"], "flex_min": 2, "x": true}}
                """, "s.json");
        Section defaults = config.section("DEFAULT");
        assertEquals("hv1 hv2", defaults.get("nodes"));
        assertEquals("2", defaults.get("flex_min"));
        assertEquals("true", defaults.get("x"));
        assertEquals(2, defaults.entry("nodes").line());
    }

    @Test
    void malformedIniReportsEveryLine() {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigReader.read("""
                orphan = 1
                [DEFAULT
                nodes = a
                [app#1]
                just words here
                [app#1]
                """, "bad.conf"));
        List<String> lines = error.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "bad.conf:1: orphan: keyword outside of any section",
                "bad.conf:2: malformed section header '[DEFAULT'",
                "bad.conf:5: [app#1] expected 'keyword = value', found 'just words here'",
                "bad.conf:6: [app#1] section already defined at line 4"), lines);
    }

    @Test
    void invalidJsonNamesTheLine() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigReader.read("{\n \"DEFAULT\": {\n  \"nodes\": \"a\",,\n }\n}", "bad.json"));
        assertTrue(error.getMessage().startsWith("bad.json:3: invalid JSON:"), error.getMessage());
    }

    @Test
    void jsonShapeErrorsNameSectionAndKeyword() {
        assertEquals("s.json:1: [DEFAULT] expected an object of keywords",
                assertThrows(ConfigException.class, () -> ConfigReader.read("{\"DEFAULT\": 1}", "s.json"))
                        .getMessage());
        assertEquals("s.json:1: [DEFAULT] nodes: expected a string, number, boolean or list of them",
                assertThrows(ConfigException.class,
                        () -> ConfigReader.read("{\"DEFAULT\": {\"nodes\": {\"a\": 1}}}", "s.json")).getMessage());
        assertEquals("s.json:1: [DEFAULT] nodes: expected a string, number, boolean or list of them",
                assertThrows(ConfigException.class,
                        () -> ConfigReader.read("{\"DEFAULT\": {\"nodes\": null}}", "s.json")).getMessage());
        assertTrue(assertThrows(ConfigException.class,
                () -> ConfigReader.read("{\"DEFAULT\": {}} trailing", "s.json")).getMessage()
                .startsWith("s.json:1:"));
    }
}
