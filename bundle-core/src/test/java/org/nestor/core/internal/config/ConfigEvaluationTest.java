package org.nestor.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestor.core.config.ConfigException;
import org.nestor.core.config.ConfigFormat;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.NodeIdentity;

/** The evaluation rules of semantics.md, "Service configuration". */
class ConfigEvaluationTest {

    private static final DriverRegistry DICTIONARY = Dictionaries.builtIn();

    private static ConfigEvaluation evaluate(String ini, String node) {
        return evaluate(ini, node, Map.of());
    }

    private static ConfigEvaluation evaluate(String ini, String node, Map<String, String> osEnvironment) {
        return new ConfigEvaluation("web", ConfigReader.read(ini, "web.conf"), DICTIONARY,
                new EvaluationContext(node, List.of(node, "hv9"), List.of("dr1"), osEnvironment::get));
    }

    private static final String ENCAP = """
            [DEFAULT]
            nodes = hv1 hv2
            encapnodes = vm1
            nodes@encapnodes = vm1
            """;

    @Test
    void nodesAtEncapnodesReadsHypervisorsOnHostsAndTheGuestInside() {
        assertEquals(List.of("hv1", "hv2"), evaluate(ENCAP, "hv1").nodes());
        assertEquals(List.of("vm1"), evaluate(ENCAP, "vm1").nodes());
        assertEquals(List.of("vm1"), evaluate(ENCAP, "vm1").encapnodes());
    }

    @Test
    void insideAGuestScopeNodesBeatsScopeEncapnodes() {
        String ini = ENCAP + "flex_min@encapnodes = 4\nflex_min@nodes = 2\nflex_min = 1\n";
        assertEquals("2", evaluate(ini, "vm1").get("DEFAULT", "flex_min"));
        assertEquals("2", evaluate(ini, "hv1").get("DEFAULT", "flex_min"));
        assertEquals("1", evaluate(ini, "other").get("DEFAULT", "flex_min"));
    }

    @Test
    void scopePrecedenceFromNodeToPlainKeyword() {
        String[] ladder = {"flex_min@n1 = 1", "flex_min@nodes = 2", "flex_min@drpnodes = 3",
                "flex_min@encapnodes = 4", "flex_min@flex_primary = 5", "flex_min = 6"};
        for (int first = 0; first < ladder.length; first++) {
            StringBuilder ini = new StringBuilder("[DEFAULT]\nnodes = n1 n2\ndrpnodes = n1\nencapnodes = n1\n");
            for (int i = ladder.length - 1; i >= first; i--) {
                ini.append(ladder[i]).append('\n');
            }
            assertEquals(Integer.toString(first + 1), evaluate(ini.toString(), "n1").get("DEFAULT", "flex_min"),
                    "variants from " + ladder[first]);
        }
    }

    @Test
    void scopesOfOtherNodesAndUnsatisfiedListsDoNotApply() {
        String ini = "[DEFAULT]\nnodes = n1 n2\nflex_min@n2 = 2\nflex_min@drpnodes = 3\nflex_min = 6\n";
        assertEquals("6", evaluate(ini, "n1").get("DEFAULT", "flex_min"));
        assertEquals("2", evaluate(ini, "n2").get("DEFAULT", "flex_min"));
    }

    @Test
    void nodeListsResolveInOrderEncapnodesNodesDrpnodesFlexPrimary() {
        String ini = """
                [DEFAULT]
                nodes = n1 n2
                encapnodes = g1
                encapnodes@nodes = ignored
                drpnodes@nodes = d1
                flex_primary@drpnodes = d1
                flex_primary@nodes = n2
                """;
        ConfigEvaluation onN1 = evaluate(ini, "n1");
        assertEquals(List.of("g1"), onN1.encapnodes());
        assertEquals(List.of("d1"), onN1.drpnodes());
        assertEquals("n2", onN1.flexPrimary());
        assertEquals(List.of(), evaluate(ini, "d1").drpnodes());
    }

    @Test
    void defaultsOfTheNodeLists() {
        ConfigEvaluation bare = evaluate("[app#1]\nstart = /bin/true\n", "n1");
        assertEquals(List.of("n1"), bare.nodes());
        assertEquals(List.of(), bare.drpnodes());
        assertEquals("n1", bare.flexPrimary());
        assertEquals(1L, bare.typed("DEFAULT", "flex_max"));
        assertEquals("failover", bare.get("DEFAULT", "topology"));
        assertEquals(2L, evaluate("[DEFAULT]\nnodes = a b\n", "a").typed("DEFAULT", "flex_max"));
    }

    @Test
    void leafHeadKeywordsFallBackToDefaultOnlyWhenTheSectionHasNoVariant() {
        String ini = """
                [DEFAULT]
                optional = true
                timeout@n1 = 5s
                [app#1]
                optional@n2 = false
                [app#2]
                optional = false
                timeout = 7s
                [app#3]
                """;
        ConfigEvaluation onN1 = evaluate(ini, "n1");
        assertEquals(true, onN1.typed("app#1", "optional"));
        assertEquals(5L, onN1.typed("app#1", "timeout"));
        assertEquals(false, onN1.typed("app#2", "optional"));
        assertEquals(7L, onN1.typed("app#2", "timeout"));
        assertEquals(60L, evaluate("[app#3]\n", "n1").typed("app#3", "timeout"));
        assertEquals(false, evaluate(ini, "n2").typed("app#1", "optional"));
    }

    @Test
    void leafKeywordsDoNotInheritAndHeadKeywordsReadDefault() {
        String ini = "[DEFAULT]\nstandby = true\ntopology = flex\n[app#1]\n";
        assertEquals(false, evaluate(ini, "n1").typed("app#1", "standby"));
        assertEquals("flex", evaluate(ini, "n1").get("app#1", "topology"));
    }

    @Test
    void builtInReferences() {
        String ini = """
                [DEFAULT]
                nodes = n1 n2
                drpnodes = d1
                encapnodes = g1 g2
                [app#web]
                start = {nodename} {svcname} {name} {rid} {rindex} {clusternodes} {clusterdrpnodes}
                stop = {nodes}|{drpnodes}|{encapnodes}
                """;
        ConfigEvaluation onN1 = evaluate(ini, "n1");
        assertEquals("n1 web web app#web web n1 hv9 dr1", onN1.get("app#web", "start"));
        assertEquals("n1 n2|d1|g1 g2", onN1.get("app#web", "stop"));
    }

    @Test
    void optionReferencesLookInTheSectionThenDefaultThenOtherSections() {
        String ini = """
                [DEFAULT]
                comment = from-default
                [app#1]
                cwd = /srv/{comment}
                check = {cwd}/check
                [app#2]
                comment = own
                start = {comment} {app#1.check} {DEFAULT.comment}
                """;
        ConfigEvaluation onN1 = evaluate(ini, "n1");
        assertEquals("/srv/from-default/check", onN1.get("app#1", "check"));
        assertEquals("own /srv/from-default/check from-default", onN1.get("app#2", "start"));
    }

    @Test
    void environmentVariableUpperCasedWinsOverEnvSection() {
        String ini = "[env]\nport = 8080\nuser = web\n[app#1]\nstart = {env.port} {env.user}\n";
        assertEquals("9090 web", evaluate(ini, "n1", Map.of("PORT", "9090")).get("app#1", "start"));
        assertEquals("8080 web", evaluate(ini, "n1", Map.of("port", "1")).get("app#1", "start"));
    }

    @Test
    void indexCountAndModifiers() {
        String ini = """
                [DEFAULT]
                nodes = hv1 hv2 hv3
                [env]
                who = mixed Case words
                [app#1]
                start = {nodes[1]} {#nodes} {upper:nodename} {lower:env.who} {capitalize:env.who} {title:env.who} {swapcase:env.who}
                """;
        assertEquals("hv2 3 HV1 mixed case words Mixed case words Mixed Case Words MIXED cASE WORDS",
                evaluate(ini, "hv1").get("app#1", "start"));
    }

    @Test
    void arithmeticRunsAfterReferences() {
        String ini = """
                [DEFAULT]
                nodes = a b c
                [app#7]
                start = port $(8000+{rindex}) half $(({#nodes}+1)*10/4) mod $(7 % 3) neg $(-2*-3)
                stop = /bin/sh -c 'echo $(date) $(1+x)'
                """;
        ConfigEvaluation evaluation = evaluate(ini, "a");
        assertEquals("port 8007 half 10 mod 1 neg 6", evaluation.get("app#7", "start"));
        assertEquals("/bin/sh -c 'echo $(date) $(1+x)'", evaluation.get("app#7", "stop"));
    }

    @Test
    void unknownReferencesStayAsWritten() {
        String ini = "[DEFAULT]\nnodes = a\n[app#1]\nstart = {nosuch} {nodes[4]} ${HOME} {nosuch.section} {a b}\n";
        assertEquals("{nosuch} {nodes[4]} ${HOME} {nosuch.section} {a b}", evaluate(ini, "a").get("app#1", "start"));
    }

    @Test
    void referenceRecursionIsAnErrorNamingTheKeyword() {
        String ini = "[env]\na = x\nb = {c}\nc = {b}\n[app#1]\n\nstart = {env.b}\n";
        ConfigException error = assertThrows(ConfigException.class, () -> evaluate(ini, "n1").get("app#1", "start"));
        assertEquals("web.conf:7: [app#1] start: reference recursion deeper than 20: app#1.start -> env.b -> env.c",
                error.getMessage().substring(0, error.getMessage().indexOf(" -> env.b -> env.c") + 18));
    }

    @Test
    void divisionByZeroAndBadTypesAfterEvaluationNameTheKeyword() {
        assertEquals("web.conf:2: [app#1] start: division by zero in $(1/0)",
                assertThrows(ConfigException.class,
                        () -> evaluate("[app#1]\nstart = $(1/0)\n", "n1").get("app#1", "start")).getMessage());
        assertEquals("web.conf:4: [app#1] timeout: 'soon' is not a duration (like 90, 30s, 5m, 1h30m, 2d)",
                assertThrows(ConfigException.class, () -> evaluate("[env]\nt = soon\n[app#1]\ntimeout = {env.t}\n",
                        "n1").typed("app#1", "timeout")).getMessage());
    }

    @Test
    void impersonationEvaluatesAsAnotherNode() {
        NodeIdentity hv1 = new NodeIdentity() {
            public String name() {
                return "hv1";
            }

            public List<String> clusterNodes() {
                return List.of("hv1");
            }

            public List<String> clusterDrpNodes() {
                return List.of();
            }
        };
        ConfigEvaluation asVm1 = new ConfigEvaluation("web", ConfigReader.read(ENCAP, "web.conf"), DICTIONARY,
                EvaluationContext.of(hv1, "vm1"));
        assertEquals(List.of("vm1"), asVm1.nodes());
        assertEquals("hv1", EvaluationContext.of(hv1, null).nodename());
    }

    @Test
    void evaluatedJsonHasTypedValuesAndNoScopes() {
        String ini = ENCAP + "flex_min@hv1 = 2\n[app#1]\nstart = /bin/true\noptional = yes\ntimeout = 1m\n";
        String json = ConfigWriter.write(evaluate(ini, "hv1").evaluateAll(), ConfigFormat.JSON);
        assertEquals("""
                {
                  "DEFAULT" : {
                    "nodes" : [ "hv1", "hv2" ],
                    "encapnodes" : [ "vm1" ],
                    "flex_min" : 2,
                    "drpnodes" : [ ],
                    "flex_primary" : "hv1"
                  },
                  "app#1" : {
                    "start" : "/bin/true",
                    "optional" : true,
                    "timeout" : 60
                  }
                }
                """, json);
    }

    @Test
    void unsetKeywordWithoutDefaultIsNull() {
        assertNull(evaluate("[app#1]\n", "n1").get("app#1", "start"));
    }
}
