package org.nestor.core.status;

import java.util.List;

/**
 * One resource in a service status.
 *
 * @param rid      resource id
 * @param type     driver type, {@code <group>.<type>}
 * @param label    one line describing it
 * @param status   its value, after standby and disable are applied
 * @param flags    eight columns: Running, Monitored, Disabled, Optional, Encap, Provisioned
 *                 ({@code .} yes, {@code P} no, {@code /} unknown), Standby, restart count
 * @param log      lines explaining the status, each starting with its level
 * @param tags     the resource's tags
 * @param standby  started on stop too
 * @param optional failures not fatal, not counted in the availability
 * @param disable  skipped by every action
 * @param encap    runs inside the guests
 */
public record ResourceState(String rid, String type, String label, Status status, String flags, List<String> log,
                            List<String> tags, boolean standby, boolean optional, boolean disable, boolean encap) {

    public ResourceState {
        log = List.copyOf(log);
        tags = List.copyOf(tags);
    }
}
