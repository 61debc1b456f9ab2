package org.nestor.core.action;

import java.time.Duration;

import org.nestor.core.spi.ContainerResource;

/**
 * A container of a service at the hypervisor level, seen as the guest it hosts.
 *
 * @param rid       the container's rid, e.g. {@code container#1}
 * @param container the container resource, whose transport reaches the guest
 * @param agent     the guest agent's command in the guest ({@code encap_agent})
 * @param timeout   longest the agent may take for one relayed action ({@code encap_timeout})
 */
public record Guest(String rid, ContainerResource container, String agent, Duration timeout) {

    /** The container's name, as {@code --slave} may name it. */
    public String name() {
        return container.name();
    }
}
