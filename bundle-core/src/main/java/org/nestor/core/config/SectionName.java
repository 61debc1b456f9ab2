package org.nestor.core.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a section name means: {@code DEFAULT}, {@code env}, a resource {@code <group>#<index>} or a
 * subset {@code subset#<group>:<name>}.
 *
 * @param kind  the kind of section
 * @param group the resource group (resources and subsets), else null
 * @param index the part after '#' for resources, the subset name for subsets, else null
 */
public record SectionName(Kind kind, String group, String index) {

    public enum Kind { DEFAULT, ENV, RESOURCE, SUBSET, INVALID }

    /** Resource groups in start order; sync and task run outside the start/stop sequence. */
    public static final List<String> GROUPS = List.of("ip", "disk", "fs", "container", "app", "sync", "task");

    private static final Map<String, String> DEFAULT_TYPES = Map.of("ip", "host", "app", "forking",
            "task", "host", "sync", "rsync");
    private static final Pattern RESOURCE = Pattern.compile("([a-z]+)#([A-Za-z0-9_-]+)");
    private static final Pattern SUBSET = Pattern.compile("subset#([a-z]+):([A-Za-z0-9_-]+)");

    public static SectionName parse(String name) {
        if (name.equals(ServiceConfig.DEFAULT)) {
            return new SectionName(Kind.DEFAULT, null, null);
        }
        if (name.equals(ServiceConfig.ENV)) {
            return new SectionName(Kind.ENV, null, null);
        }
        Matcher subset = SUBSET.matcher(name);
        if (subset.matches()) {
            return new SectionName(Kind.SUBSET, subset.group(1), subset.group(2));
        }
        Matcher resource = RESOURCE.matcher(name);
        if (resource.matches() && !resource.group(1).equals("subset")) {
            return new SectionName(Kind.RESOURCE, resource.group(1), resource.group(2));
        }
        return new SectionName(Kind.INVALID, null, null);
    }

    /** The type a resource of the group has when its section sets none, or null when it must set one. */
    public static String defaultType(String group) {
        return DEFAULT_TYPES.get(group);
    }

    public boolean isResource() {
        return kind == Kind.RESOURCE;
    }
}
