package org.nestor.core.internal.action;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.Section;
import org.nestor.core.config.SectionName;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.config.ConfigEvaluation;
import org.nestor.core.spi.Drivers;
import org.nestor.core.spi.ResourceException;

/**
 * A service evaluated for this node: its resources in group order (then as written), each with
 * its evaluated keywords. In a guest (this node in encapnodes) only the encap resources exist;
 * on a hypervisor the encap ones are left to the guests.
 */
final class ServiceModel {

    final String service;
    final Path configDirectory;
    final Path dataDirectory;
    final ConfigEvaluation evaluation;
    final String topology;
    final Duration lockTimeout;
    final List<PlannedResource> resources;

    private ServiceModel(String service, Path configDirectory, Path dataDirectory, ConfigEvaluation evaluation,
                         List<PlannedResource> resources) {
        this.service = service;
        this.configDirectory = configDirectory;
        this.dataDirectory = dataDirectory;
        this.evaluation = evaluation;
        this.topology = String.valueOf(evaluation.get(ServiceConfig.DEFAULT, "topology"));
        this.lockTimeout = Duration.ofSeconds((Long) evaluation.typed(ServiceConfig.DEFAULT, "lock_timeout"));
        this.resources = resources;
    }

    static ServiceModel of(String service, Path configDirectory, Path dataDirectory, ServiceConfig config,
                           ConfigEvaluation evaluation, KeywordDictionary dictionary, Drivers drivers) {
        boolean inGuest = evaluation.encapnodes().contains(evaluation.context().nodename());
        List<PlannedResource> resources = new ArrayList<>();
        for (Section section : config.sections()) {
            SectionName name = SectionName.parse(section.name());
            if (!name.isResource()) {
                continue;
            }
            PlannedResource resource = plan(section, name.group(), evaluation, dictionary, drivers);
            if (resource.encap() == inGuest) {
                resources.add(resource);
            }
        }
        resources.sort(Comparator.comparingInt(r -> SectionName.GROUPS.indexOf(r.group())));
        return new ServiceModel(service, configDirectory, dataDirectory, evaluation, resources);
    }

    /** The service's nodes, drpnodes or encapnodes as this node reads them. */
    List<String> nodeList(String name) {
        return switch (name) {
            case "nodes" -> evaluation.nodes();
            case "drpnodes" -> evaluation.drpnodes();
            case "encapnodes" -> evaluation.encapnodes();
            default -> List.of();
        };
    }

    /** @throws ResourceException when the service has no such resource on this node */
    PlannedResource resource(String rid) throws ResourceException {
        return resources.stream().filter(r -> r.rid().equals(rid)).findFirst().orElseThrow(() ->
                new ResourceException("service " + service + " has no resource " + rid + " here"));
    }

    private static PlannedResource plan(Section section, String group, ConfigEvaluation evaluation,
                                        KeywordDictionary dictionary, Drivers drivers) {
        String rid = section.name();
        String typeValue = section.get("type");
        String driverType = dictionary.driverType(group, typeValue);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Keyword keyword : dictionary.keywords()) {
            if (keyword.equals(dictionary.find(rid, typeValue, keyword.name()))) {
                Object value = evaluation.typed(rid, keyword.name());
                if (value != null) {
                    values.put(keyword.name(), value);
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) values.getOrDefault("tags", List.of());
        String type = driverType != null ? driverType
                : group + "." + (typeValue != null ? typeValue : SectionName.defaultType(group));
        return new PlannedResource(rid, group, type, driverType == null ? null : drivers.driver(driverType), values,
                flag(values, "standby"), flag(values, "optional") || tags.contains("noaction"),
                flag(values, "disable"), flag(values, "encap") || tags.contains("encap"), tags,
                (String) values.get("subset"), (Long) values.getOrDefault("restart", 0L), flag(values, "monitor"));
    }

    private static boolean flag(Map<String, Object> values, String keyword) {
        return Boolean.TRUE.equals(values.get(keyword));
    }
}
