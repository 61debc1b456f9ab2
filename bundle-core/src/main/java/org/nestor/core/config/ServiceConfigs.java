package org.nestor.core.config;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service configurations as text and evaluated: what a command reads from a file, prints, or
 * evaluates for a node, with the keywords installed now.
 */
@ProviderType
public interface ServiceConfigs {

    /**
     * Reads a configuration: JSON ({@code {"SECTION": {"keyword": value}}}) when its first
     * non-blank character is '{', else INI.
     *
     * @param source where the text came from, named in every problem
     * @throws ConfigException listing every syntax problem with its line
     */
    ServiceConfig read(String text, String source);

    /** The configuration as written, in {@code format}; {@link #read} reads it back. */
    String write(ServiceConfig config, ConfigFormat format);

    /** An evaluated configuration in {@code format}. */
    String write(EvaluatedConfig config, ConfigFormat format);

    /**
     * Evaluates every section for the node of {@code context}: scopes, inheritance, references,
     * expressions and defaults applied, values typed.
     *
     * @throws ConfigException naming the section and keyword of a value that cannot be evaluated
     */
    EvaluatedConfig evaluate(String service, ServiceConfig config, EvaluationContext context);
}
