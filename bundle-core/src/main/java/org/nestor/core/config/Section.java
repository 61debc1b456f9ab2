package org.nestor.core.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One section of a service configuration: its keywords in the order they were first written.
 * A keyword written again replaces the value in place (the last one wins).
 */
public final class Section {

    /** A keyword as written in the section, with the line it came from (0 when set by a command). */
    public record Entry(String key, String value, int line) {
    }

    private final String name;
    private final int line;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Section(String name, int line) {
        this.name = name;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    public String get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    public void put(String key, String value, int line) {
        Entry previous = entries.get(key);
        if (previous != null) {
            entries.replace(key, new Entry(key, value, line));
        } else {
            entries.put(key, new Entry(key, value, line));
        }
    }

    public boolean remove(String key) {
        return entries.remove(key) != null;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    Section copy() {
        Section copy = new Section(name, line);
        copy.entries.putAll(entries);
        return copy;
    }
}
