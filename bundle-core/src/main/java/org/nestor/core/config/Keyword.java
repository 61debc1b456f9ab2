package org.nestor.core.config;

import java.util.List;

/**
 * A keyword of the service configuration, as declared by the core or by a driver.
 *
 * @param section      {@link #DEFAULT_SECTION}, a resource group ({@code ip}, {@code container}, ...),
 *                     {@link #ANY_RESOURCE} for keywords every resource has, or {@code subset}
 * @param type         the driver type within the group ({@code kvm}, {@code netns}, ...), or null for any
 * @param name         the keyword as written, without {@code @scope}
 * @param scopable     whether {@code name@scope} variants are allowed
 * @param inheritance  where it may be written and looked up
 * @param defaultValue the raw default (references allowed), or null
 * @param valueType    how the evaluated text converts
 * @param candidates   allowed values, or an empty list for any
 * @param description  one line for print-keywords
 */
public record Keyword(String section, String type, String name, boolean scopable, Inheritance inheritance,
                      String defaultValue, ValueType valueType, List<String> candidates, String description) {

    public static final String DEFAULT_SECTION = ServiceConfig.DEFAULT;
    public static final String ANY_RESOURCE = "*";

    public Keyword {
        candidates = List.copyOf(candidates);
    }

    /** A leaf keyword of any type of the section, not scopable, without default or candidates. */
    public static Keyword of(String section, String name, ValueType valueType, String description) {
        return new Keyword(section, null, name, false, section.equals(DEFAULT_SECTION) ? Inheritance.HEAD
                : Inheritance.LEAF, null, valueType, List.of(), description);
    }

    public Keyword forType(String driverType) {
        return new Keyword(section, driverType, name, scopable, inheritance, defaultValue, valueType, candidates,
                description);
    }

    public Keyword asScopable() {
        return new Keyword(section, type, name, true, inheritance, defaultValue, valueType, candidates, description);
    }

    public Keyword withInheritance(Inheritance newInheritance) {
        return new Keyword(section, type, name, scopable, newInheritance, defaultValue, valueType, candidates,
                description);
    }

    public Keyword withDefault(String value) {
        return new Keyword(section, type, name, scopable, inheritance, value, valueType, candidates, description);
    }

    public Keyword withCandidates(String... values) {
        return new Keyword(section, type, name, scopable, inheritance, defaultValue, valueType, List.of(values),
                description);
    }

    /** Where print-keywords shows it: {@code DEFAULT}, {@code container.kvm}, {@code *}. */
    public String scope() {
        return type == null ? section : section + "." + type;
    }
}
