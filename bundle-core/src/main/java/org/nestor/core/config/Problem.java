package org.nestor.core.config;

/**
 * One thing wrong with a configuration, located as precisely as the input allows.
 *
 * @param source  file name or other origin of the text (never null)
 * @param line    1-based line number, or 0 when the problem has no line (e.g. a value set by a command)
 * @param section section name, or null when the problem is not inside a section
 * @param keyword keyword as written (including any {@code @scope}), or null
 * @param message what is wrong, without the location
 */
public record Problem(String source, int line, String section, String keyword, String message) {

    /** Renders the problem on one line: {@code source:line: [section] keyword: message}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (section != null) {
            text.append('[').append(section).append("] ");
        }
        if (keyword != null) {
            text.append(keyword).append(": ");
        }
        return text.append(message).toString();
    }
}
