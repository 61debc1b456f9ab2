package org.nestor.core.command;

import org.nestor.core.config.ServiceConfig;

/**
 * A {@code --kw} argument: {@code SECTION.KEYWORD[@SCOPE]=VALUE} for set, {@code SECTION.KEYWORD[@SCOPE]}
 * for unset. Without a section the keyword is DEFAULT's; the section is what stands before the
 * first dot unless that part holds the '@' of a scope (node names may have dots).
 *
 * @param section the section
 * @param key     the keyword as written, scope included
 * @param value   the value, null for unset
 */
record KeywordAssignment(String section, String key, String value) {

    static KeywordAssignment parse(String argument, boolean withValue) {
        int eq = argument.indexOf('=');
        if (withValue && eq < 0) {
            throw new IllegalArgumentException("--kw " + argument + ": expected SECTION.KEYWORD=VALUE");
        }
        if (!withValue && eq >= 0) {
            throw new IllegalArgumentException("--kw " + argument + ": expected SECTION.KEYWORD (no value)");
        }
        String target = withValue ? argument.substring(0, eq) : argument;
        int dot = target.indexOf('.');
        boolean hasSection = dot > 0 && target.substring(0, dot).indexOf('@') < 0;
        String section = hasSection ? target.substring(0, dot) : ServiceConfig.DEFAULT;
        String key = hasSection ? target.substring(dot + 1) : target;
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("--kw " + argument + ": missing or blank keyword");
        }
        return new KeywordAssignment(section, key, withValue ? argument.substring(eq + 1).strip() : null);
    }
}
