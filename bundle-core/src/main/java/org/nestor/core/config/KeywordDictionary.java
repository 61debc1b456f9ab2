package org.nestor.core.config;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every keyword Nestor knows now: the core's and those of the drivers installed at this moment.
 * A driver that arrives or leaves changes the answers at once.
 */
@ProviderType
public interface KeywordDictionary {

    /** All keywords: the core's first, then each driver's, in a stable order. */
    List<Keyword> keywords();

    /** Installed driver types as {@code <group>.<type>}, sorted. */
    Set<String> driverTypes();

    /**
     * The installed driver type a resource section selects, as {@code <group>.<type>}, with aliases
     * resolved and the group's default type applied when {@code typeValue} is null; null when no
     * installed driver matches.
     */
    String driverType(String group, String typeValue);

    /**
     * The keyword {@code name} (without scope) as valid in the named section whose {@code type}
     * keyword reads {@code typeValue} (null for none); null when it is not valid there.
     */
    Keyword find(String section, String typeValue, String name);

    /** Checks sections, types, keywords, scopes and literal values; every problem names its place. */
    List<Problem> validate(ServiceConfig config);
}
