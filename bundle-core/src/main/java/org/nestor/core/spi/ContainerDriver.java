package org.nestor.core.spi;

import java.time.Duration;
import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.osgi.annotation.versioning.ConsumerType;

/** A driver of the {@code container} group: its resources are guests Nestor can relay into. */
@ConsumerType
public interface ContainerDriver extends ResourceDriver {

    /** Longest wait for a container to be up, answering and operational, per semantics. */
    Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(240);

    /** Longest wait for a graceful stop before the container is forced down. */
    Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(120);

    /** Where the guest agent is inside a guest by default: the distribution mounted at /opt/nestor. */
    String DEFAULT_ENCAP_AGENT = "/opt/nestor/bin/nestor";

    /** Longest a guest agent may take for one relayed action (its resources have their own timeouts). */
    Duration DEFAULT_ENCAP_TIMEOUT = Duration.ofMinutes(15);

    /**
     * The keywords every container type has: {@code name}, {@code hostname},
     * {@code start_timeout}, {@code stop_timeout}, {@code encap_agent}, {@code encap_timeout}; a driver
     * adds its own.
     */
    static List<Keyword> commonKeywords(String type, String nameDescription) {
        return List.of(
                Keyword.of("container", "name", ValueType.STRING, nameDescription).forType(type).asScopable(),
                Keyword.of("container", "hostname", ValueType.STRING,
                        "Host name or address of the guest, waited for with ping on start").forType(type).asScopable(),
                Keyword.of("container", "start_timeout", ValueType.DURATION,
                        "Longest wait for the guest to be up, answering and operational").forType(type).asScopable()
                        .withDefault(DEFAULT_START_TIMEOUT.toSeconds() + "s"),
                Keyword.of("container", "stop_timeout", ValueType.DURATION,
                        "Longest wait for a graceful stop before the guest is forced down").forType(type).asScopable()
                        .withDefault(DEFAULT_STOP_TIMEOUT.toSeconds() + "s"),
                Keyword.of("container", "encap_agent", ValueType.STRING,
                        "The Nestor agent inside the guest, to which encapsulated actions are relayed").forType(type)
                        .asScopable().withDefault(DEFAULT_ENCAP_AGENT),
                Keyword.of("container", "encap_timeout", ValueType.DURATION,
                        "Longest the guest agent may take for one relayed action").forType(type).asScopable()
                        .withDefault(DEFAULT_ENCAP_TIMEOUT.toSeconds() + "s"));
    }

    @Override
    default String group() {
        return "container";
    }

    @Override
    ContainerResource create(ResourceContext context) throws ResourceException;
}
