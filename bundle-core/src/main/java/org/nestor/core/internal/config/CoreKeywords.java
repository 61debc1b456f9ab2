package org.nestor.core.internal.config;

import static org.nestor.core.config.Keyword.ANY_RESOURCE;
import static org.nestor.core.config.Keyword.DEFAULT_SECTION;

import java.util.ArrayList;
import java.util.List;

import org.nestor.core.config.Inheritance;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;

/** The keywords of the service itself (DEFAULT), of every resource, and of subsets. */
final class CoreKeywords {

    private CoreKeywords() {
    }

    static List<Keyword> all() {
        List<Keyword> keywords = new ArrayList<>();
        keywords.add(Keyword.of(DEFAULT_SECTION, "nodes", ValueType.LIST,
                "Nodes where the service may run; the first is the default flex primary").asScopable()
                .withDefault("{nodename}"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "drpnodes", ValueType.LIST,
                "Disaster-recovery nodes; they receive the configuration but never push it").asScopable()
                .withDefault(""));
        keywords.add(Keyword.of(DEFAULT_SECTION, "encapnodes", ValueType.LIST,
                "Guests (containers, VMs) that run the encapsulated part of the service").asScopable()
                .withDefault(""));
        keywords.add(Keyword.of(DEFAULT_SECTION, "flex_primary", ValueType.STRING,
                "Node that drives a flex service and pushes its configuration").asScopable()
                .withDefault("{nodes[0]}"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "topology", ValueType.STRING,
                "failover: one instance up at a time; flex: between flex_min and flex_max instances")
                .withDefault("failover").withCandidates("failover", "flex"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "flex_min", ValueType.INT,
                "Fewest instances of a flex service before it is degraded").asScopable().withDefault("1"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "flex_max", ValueType.INT,
                "Most instances of a flex service before it is degraded").asScopable().withDefault("{#nodes}"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "orchestrate", ValueType.STRING,
                "Whether the pool starts the service by itself (forced to no inside a guest)").asScopable()
                .withDefault("no").withCandidates("no", "ha", "start"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "lock_timeout", ValueType.DURATION,
                "How long an action waits for the service lock").withDefault("60s"));
        keywords.add(Keyword.of(DEFAULT_SECTION, "encap_config_trust", ValueType.STRING,
                "What a guest's newer copy of the configuration may change on the hypervisor: encap, only its "
                + "encapsulated resources (a change to the hypervisor view is refused); full, anything. Read from "
                + "the hypervisor's copy only").withDefault("encap").withCandidates("encap", "full"));

        keywords.add(Keyword.of(ANY_RESOURCE, "type", ValueType.STRING,
                "Driver of the resource within its group"));
        keywords.add(Keyword.of(ANY_RESOURCE, "tags", ValueType.LIST,
                "Words that select the resource with --tags; 'encap' means encap = true").asScopable());
        keywords.add(Keyword.of(ANY_RESOURCE, "encap", ValueType.BOOL,
                "The resource runs inside the guests (encapsulated)").withDefault("false"));
        keywords.add(Keyword.of(ANY_RESOURCE, "standby", ValueType.BOOL,
                "Also started on stop, so it is up wherever the service could run").asScopable()
                .withDefault("false"));
        keywords.add(Keyword.of(ANY_RESOURCE, "optional", ValueType.BOOL,
                "A failure is logged, not fatal, and does not count in the availability").asScopable()
                .withInheritance(Inheritance.LEAF_HEAD).withDefault("false"));
        keywords.add(Keyword.of(ANY_RESOURCE, "disable", ValueType.BOOL,
                "Skip the resource in every action; in DEFAULT, disables the service").asScopable()
                .withInheritance(Inheritance.LEAF_HEAD).withDefault("false"));
        keywords.add(Keyword.of(ANY_RESOURCE, "subset", ValueType.STRING,
                "Subset of the group the resource belongs to (started and stopped together)"));
        keywords.add(Keyword.of(ANY_RESOURCE, "restart", ValueType.INT,
                "How many times the monitor restarts the resource before giving up").asScopable()
                .withInheritance(Inheritance.LEAF_HEAD).withDefault("0"));
        keywords.add(Keyword.of(ANY_RESOURCE, "monitor", ValueType.BOOL,
                "A monitored resource going down fails the service over").asScopable().withDefault("false"));
        keywords.add(Keyword.of(ANY_RESOURCE, "comment", ValueType.STRING,
                "Free text shown in print-config").withInheritance(Inheritance.LEAF_HEAD));
        for (String when : List.of("pre_start", "post_start", "pre_stop", "post_stop")) {
            String action = when.substring(when.indexOf('_') + 1);
            String moment = when.substring(0, when.indexOf('_'));
            keywords.add(Keyword.of(ANY_RESOURCE, when, ValueType.STRING,
                    "Argument vector run " + moment + " " + action + "; its failure is logged").asScopable());
            keywords.add(Keyword.of(ANY_RESOURCE, "blocking_" + when, ValueType.STRING,
                    "Argument vector run " + moment + " " + action + "; its failure fails the action")
                    .asScopable());
        }

        keywords.add(Keyword.of("subset", "parallel", ValueType.BOOL,
                "Start and stop the resources of the subset in parallel").withDefault("false"));
        return keywords;
    }
}
