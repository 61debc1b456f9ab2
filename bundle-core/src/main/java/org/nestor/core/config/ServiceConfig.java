package org.nestor.core.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service configuration as written: ordered sections of ordered raw keyword values. The same
 * model serves the INI and the JSON form; {@link ServiceConfigs} reads, writes and evaluates it.
 */
public final class ServiceConfig {

    public static final String DEFAULT = "DEFAULT";
    public static final String ENV = "env";

    private final String source;
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /** @param source where the text came from, used in every problem reported about it */
    public ServiceConfig(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public Collection<Section> sections() {
        return Collections.unmodifiableCollection(sections.values());
    }

    public Section section(String name) {
        return sections.get(name);
    }

    /** Returns the named section, adding it at the end when it does not exist yet. */
    public Section getOrAdd(String name) {
        return sections.computeIfAbsent(name, n -> new Section(n, 0));
    }

    /** Adds a new section, read at {@code line}; the caller has checked that the name is not taken. */
    public Section add(String name, int line) {
        Section section = new Section(name, line);
        sections.put(name, section);
        return section;
    }

    public boolean removeSection(String name) {
        return sections.remove(name) != null;
    }

    /** A deep copy carrying another source name, so an edit can be validated before it is kept. */
    public ServiceConfig copy(String newSource) {
        ServiceConfig copy = new ServiceConfig(newSource);
        sections.forEach((name, section) -> copy.sections.put(name, section.copy()));
        return copy;
    }
}
