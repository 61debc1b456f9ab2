package org.nestor.core.config;

import java.util.Collections;
import java.util.Map;

/**
 * A configuration evaluated for one node: each section's keywords with scopes resolved away and
 * values converted to their type (String, Long, Boolean, or List of String).
 */
public record EvaluatedConfig(Map<String, Map<String, Object>> sections) {

    public EvaluatedConfig {
        sections = Collections.unmodifiableMap(sections);
    }

    public Object get(String section, String keyword) {
        Map<String, Object> values = sections.get(section);
        return values == null ? null : values.get(keyword);
    }
}
