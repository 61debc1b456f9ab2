package org.nestor.core.internal.action;

import java.util.List;
import java.util.Map;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ResourceSummary;
import org.nestor.core.spi.ResourceDriver;

/**
 * A resource of a service as evaluated for this node, before any handle is made.
 *
 * @param rid        resource id
 * @param group      resource group
 * @param type       {@code <group>.<type>} as configured (the installed driver type when there is one)
 * @param driver     the installed driver, null when none serves the type
 * @param values     evaluated values of every keyword of its section (defaults and inheritance applied)
 * @param standby    started on stop too
 * @param optional   failures logged, not fatal (also implied by the {@code noaction} tag)
 * @param disabled   skipped by every action
 * @param encap      runs inside the guests
 * @param tags       tags ({@code encap} implies encap)
 * @param subset     subset name, or null
 * @param restart    restart count of the monitor
 * @param monitor    monitored
 */
record PlannedResource(String rid, String group, String type, ResourceDriver driver, Map<String, Object> values,
                       boolean standby, boolean optional, boolean disabled, boolean encap, List<String> tags,
                       String subset, long restart, boolean monitor) {

    /** Sync and task resources run outside the start/stop sequence and count only in the overall status. */
    boolean inAvailability() {
        return !group.equals("sync") && !group.equals("task");
    }

    boolean selectedBy(ActionOptions options) {
        return summary().selectedBy(options);
    }

    ResourceSummary summary() {
        return new ResourceSummary(rid, group, tags, subset);
    }
}
