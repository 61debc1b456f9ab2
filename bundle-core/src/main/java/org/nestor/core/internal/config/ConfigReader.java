package org.nestor.core.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.nestor.core.config.ConfigException;
import org.nestor.core.config.Problem;
import org.nestor.core.config.Section;
import org.nestor.core.config.ServiceConfig;

/**
 * Reads a service configuration from text. Text whose first non-blank character is '{' is JSON
 * ({@code {"SECTION": {"keyword": value}}}); anything else is INI. Syntax problems are collected
 * with their line so that one call reports all of them.
 */
public final class ConfigReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ConfigReader() {
    }

    public static ServiceConfig read(String text, String source) {
        return text.stripLeading().startsWith("{") ? readJson(text, source) : readIni(text, source);
    }

    public static ServiceConfig readIni(String text, String source) {
        ServiceConfig config = new ServiceConfig(source);
        List<Problem> problems = new ArrayList<>();
        Section section = null;
        String lastKey = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                lastKey = null;
                continue;
            }
            if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                Section.Entry entry = section.entry(lastKey);
                section.put(lastKey, entry.value() + "\n" + trimmed, entry.line());
                continue;
            }
            lastKey = null;
            if (trimmed.startsWith("[")) {
                section = readHeader(config, trimmed, source, lineNo, problems);
                continue;
            }
            int eq = trimmed.indexOf('=');
            String key = eq < 0 ? "" : trimmed.substring(0, eq).strip();
            if (eq < 0 || key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new Problem(source, lineNo, section == null ? null : section.name(), null,
                        "expected 'keyword = value', found '" + trimmed + "'"));
            } else if (section == null) {
                problems.add(new Problem(source, lineNo, null, key, "keyword outside of any section"));
            } else {
                section.put(key, trimmed.substring(eq + 1).strip(), lineNo);
                lastKey = key;
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /**
     * Adds the section a header line opens. A bad header still returns a detached section, so the
     * keywords under it are read (and checked for syntax) without a report for each of them.
     */
    private static Section readHeader(ServiceConfig config, String trimmed, String source, int lineNo,
                                      List<Problem> problems) {
        if (!trimmed.endsWith("]") || trimmed.length() < 3) {
            problems.add(new Problem(source, lineNo, null, null, "malformed section header '" + trimmed + "'"));
            return new Section(trimmed, lineNo);
        }
        String name = trimmed.substring(1, trimmed.length() - 1).strip();
        Section existing = config.section(name);
        if (existing != null) {
            problems.add(new Problem(source, lineNo, name, null,
                    "section already defined at line " + existing.line()));
            return existing;
        }
        return config.add(name, lineNo);
    }

    public static ServiceConfig readJson(String text, String source) {
        ServiceConfig config = new ServiceConfig(source);
        try (JsonParser parser = JSON.createParser(text)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, source, null, null,
                    "a JSON object of sections");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = line(parser);
                if (config.section(name) != null) {
                    throw new ConfigException(new Problem(source, line, name, null,
                            "section already defined at line " + config.section(name).line()));
                }
                Section section = config.add(name, line);
                expect(parser, parser.nextToken(), JsonToken.START_OBJECT, source, name, null,
                        "an object of keywords");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    section.put(key, readJsonValue(parser, source, name, key), line(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new ConfigException(new Problem(source, line(parser), null, null,
                        "unexpected content after the configuration object"));
            }
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(new Problem(source, line, null, null,
                    "invalid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(new Problem(source, 0, null, null, "cannot read: " + e.getMessage()));
        }
        return config;
    }

    /** Scalars become their text; an array of scalars becomes a space-separated list. */
    private static String readJsonValue(JsonParser parser, String source, String section, String key)
            throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            List<String> words = new ArrayList<>();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                expectScalar(parser, token, source, section, key);
                words.add(parser.getText());
            }
            return String.join(" ", words);
        }
        expectScalar(parser, token, source, section, key);
        return parser.getText();
    }

    private static void expectScalar(JsonParser parser, JsonToken token, String source, String section,
                                     String key) {
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw new ConfigException(new Problem(source, line(parser), section, key,
                    "expected a string, number, boolean or list of them"));
        }
    }

    private static void expect(JsonParser parser, JsonToken token, JsonToken expected, String source,
                               String section, String key, String what) {
        if (token != expected) {
            throw new ConfigException(new Problem(source, line(parser), section, key, "expected " + what));
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
