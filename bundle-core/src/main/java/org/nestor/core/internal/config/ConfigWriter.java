package org.nestor.core.internal.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.nestor.core.config.ConfigFormat;
import org.nestor.core.config.EvaluatedConfig;
import org.nestor.core.config.Section;
import org.nestor.core.config.ServiceConfig;

/**
 * Writes configurations (raw or evaluated) as INI or JSON. Sections and keywords keep their order;
 * a multi-line value is written as indented continuation lines, which {@link ConfigReader} reads back.
 */
public final class ConfigWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String CONTINUATION = "\n    ";

    private ConfigWriter() {
    }

    public static String write(ServiceConfig config, ConfigFormat format) {
        return format == ConfigFormat.INI ? toIni(config) : toJson(config);
    }

    public static String toIni(ServiceConfig config) {
        StringBuilder out = new StringBuilder();
        for (Section section : config.sections()) {
            startIniSection(out, section.name());
            for (Section.Entry entry : section.entries()) {
                appendIniEntry(out, entry.key(), entry.value());
            }
        }
        return out.toString();
    }

    public static String toJson(ServiceConfig config) {
        return json(generator -> {
            for (Section section : config.sections()) {
                generator.writeObjectFieldStart(section.name());
                for (Section.Entry entry : section.entries()) {
                    generator.writeStringField(entry.key(), entry.value());
                }
                generator.writeEndObject();
            }
        });
    }

    /** Evaluated values: lists are space-joined in INI. */
    public static String toIni(EvaluatedConfig config) {
        StringBuilder out = new StringBuilder();
        config.sections().forEach((section, values) -> {
            startIniSection(out, section);
            values.forEach((key, value) -> appendIniEntry(out, key, value instanceof Collection<?> list
                    ? String.join(" ", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value)));
        });
        return out.toString();
    }

    /** Evaluated values keep their type: numbers, booleans and lists as JSON arrays. */
    public static String toJson(EvaluatedConfig config) {
        return json(generator -> {
            for (Map.Entry<String, Map<String, Object>> section : config.sections().entrySet()) {
                generator.writeObjectFieldStart(section.getKey());
                for (Map.Entry<String, Object> value : section.getValue().entrySet()) {
                    generator.writeFieldName(value.getKey());
                    writeTyped(generator, value.getValue());
                }
                generator.writeEndObject();
            }
        });
    }

    public static String write(EvaluatedConfig config, ConfigFormat format) {
        return format == ConfigFormat.INI ? toIni(config) : toJson(config);
    }

    private static void writeTyped(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Collection<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeTyped(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    private static void startIniSection(StringBuilder out, String name) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append('[').append(name).append("]\n");
    }

    private static void appendIniEntry(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(value.replace("\n", CONTINUATION)).append('\n');
    }

    private interface JsonBody {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String json(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            body.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}
