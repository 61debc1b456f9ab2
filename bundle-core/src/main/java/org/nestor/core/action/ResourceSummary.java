package org.nestor.core.action;

import java.util.List;

/** What a scoped command needs to know of a resource: its rid, group, tags and subset. */
public record ResourceSummary(String rid, String group, List<String> tags, String subset) {

    public ResourceSummary {
        tags = List.copyOf(tags);
    }

    /** Whether a command scoped like {@code options} selects this resource. */
    public boolean selectedBy(ActionOptions options) {
        return (options.rids().isEmpty() || options.rids().contains(rid) || options.rids().contains(group))
                && (options.tags().isEmpty() || options.tags().stream().anyMatch(tags::contains))
                && (options.subsets().isEmpty() || subset != null && options.subsets().contains(subset));
    }
}
