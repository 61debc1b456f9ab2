package org.nestor.core.internal.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

import org.nestor.core.config.ConfigException;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.Section;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.config.ConfigEvaluation;

/**
 * The trust boundary of a service's guests (semantics.md "Trust between hypervisor and guests"):
 * what a copy of the configuration pulled from a guest may change here. Its hypervisor view is
 * what the hypervisor level runs or decides with it, as each node and drpnode of the service (the
 * host's copy names them) evaluates it: every DEFAULT keyword, the resources that are not
 * encapsulated there with every keyword they evaluate to (triggers and container definitions
 * included) and the subsets they belong to. A guest's copy may differ from the host's only outside
 * that view, unless the host's copy sets {@value #TRUST_KEYWORD} = full.
 */
public final class GuestBoundary {

    /** The DEFAULT keyword that widens the boundary; read from the host's copy only. */
    public static final String TRUST_KEYWORD = "encap_config_trust";

    private final KeywordDictionary dictionary;
    private final BiFunction<ServiceConfig, String, ServiceModel> modelAs;
    private final List<String> nodes;
    private final boolean full;
    private final Map<String, View> host = new LinkedHashMap<>();

    /**
     * @param modelAs the service modelled from a copy as the named node would
     * @param here    the host's copy evaluated as this node
     */
    GuestBoundary(ServiceConfig hostCopy, ConfigEvaluation here, KeywordDictionary dictionary,
                  BiFunction<ServiceConfig, String, ServiceModel> modelAs) {
        this.dictionary = dictionary;
        this.modelAs = modelAs;
        Set<String> all = new LinkedHashSet<>(here.nodes());
        all.addAll(here.drpnodes());
        this.nodes = List.copyOf(all);
        this.full = "full".equals(here.get(ServiceConfig.DEFAULT, TRUST_KEYWORD));
        for (String node : nodes) {
            host.put(node, view(hostCopy, node));
        }
    }

    /** Whether the host's copy trusts its guests with the whole configuration. */
    public boolean full() {
        return full;
    }

    /**
     * What {@code pulled} changes in the hypervisor view, in the host's order: {@code <section>
     * (added)}, {@code <section> (removed)}, {@code <section>.<keyword>}; empty when it changes nothing.
     */
    public List<String> changes(ServiceConfig pulled) {
        Set<String> changes = new LinkedHashSet<>();
        for (String node : nodes) {
            View ours = host.get(node);
            View theirs = view(pulled, node);
            if (theirs.error != null || ours.error != null) {
                if (!Objects.equals(theirs.error, ours.error)) {
                    changes.add(theirs.error != null ? "cannot be evaluated as " + node + ": " + theirs.error
                            : "evaluates as " + node + " where this node's copy does not");
                }
                continue;
            }
            ours.sections.forEach((section, values) -> {
                Map<String, String> other = theirs.sections.get(section);
                if (other == null) {
                    changes.add(section + " (removed)");
                    return;
                }
                Set<String> keywords = new LinkedHashSet<>(values.keySet());
                keywords.addAll(other.keySet());
                for (String keyword : keywords) {
                    if (!Objects.equals(values.get(keyword), other.get(keyword))) {
                        changes.add(section + "." + keyword);
                    }
                }
            });
            theirs.sections.keySet().stream().filter(section -> !ours.sections.containsKey(section))
                    .forEach(section -> changes.add(section + " (added)"));
        }
        return List.copyOf(changes);
    }

    /** One copy as one node sees it at the hypervisor level: section -> keyword -> evaluated text. */
    private record View(Map<String, Map<String, String>> sections, String error) {
    }

    private View view(ServiceConfig config, String node) {
        ServiceModel model;
        try {
            model = modelAs.apply(config, node);
        } catch (ConfigException e) {
            return new View(Map.of(), e.getMessage());
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put(ServiceConfig.DEFAULT, written(config, model.evaluation, ServiceConfig.DEFAULT));
        for (PlannedResource resource : model.resources) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("type", resource.type());
            resource.values().forEach((keyword, value) -> values.put(keyword, String.valueOf(value)));
            sections.put(resource.rid(), values);
        }
        for (PlannedResource resource : model.resources) {
            if (resource.subset() != null) {
                String subset = "subset#" + resource.group() + ":" + resource.subset();
                sections.computeIfAbsent(subset, name -> written(config, model.evaluation, name));
            }
        }
        return new View(sections, null);
    }

    /** Every keyword the section declares or writes, evaluated (scopes that do not apply to the node drop out). */
    private Map<String, String> written(ServiceConfig config, ConfigEvaluation evaluation, String section) {
        List<String> names = new ArrayList<>();
        for (Keyword keyword : dictionary.keywords()) {
            if (keyword.equals(dictionary.find(section, null, keyword.name()))) {
                names.add(keyword.name());
            }
        }
        Section written = config.section(section);
        if (written != null) {
            written.entries().forEach(entry -> names.add(ConfigEvaluation.baseName(entry.key())));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            try {
                String value = evaluation.get(section, name);
                if (value != null) {
                    values.put(name, value);
                }
            } catch (ConfigException e) {
                values.put(name, "(" + e.getMessage() + ")");
            }
        }
        return values;
    }
}
