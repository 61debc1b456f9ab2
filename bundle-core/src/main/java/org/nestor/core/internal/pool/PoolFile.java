package org.nestor.core.internal.pool;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import org.nestor.core.internal.Json;
import org.nestor.core.pool.PoolNode;

/**
 * {@code etc/nestor/pool.json}: {@code {"nodes": [{name, host, port, user, key, agent}, ...]}}, a
 * node with a Karaf console also {@code "console": {port, user, key}}.
 */
final class PoolFile {

    private PoolFile() {
    }

    /** @throws IOException naming the file and the entry when it is not such a document */
    @SuppressWarnings("unchecked")
    static List<PoolNode> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object document;
        try {
            document = Json.parse(text);
        } catch (IOException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("nodes") instanceof List<?> entries)) {
            throw new IOException("expected {\"nodes\": [...]}");
        }
        List<PoolNode> nodes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IOException("nodes[" + i + "] is not an object");
            }
            Map<String, Object> fields = (Map<String, Object>) entry;
            String entryName = "nodes[" + i + "]";
            nodes.add(new PoolNode(text(fields, "name", entryName), text(fields, "host", entryName),
                    port(fields, entryName), text(fields, "user", entryName), Path.of(text(fields, "key", entryName)),
                    text(fields, "agent", entryName), console(fields, entryName)));
        }
        return List.copyOf(nodes);
    }

    private static String text(Map<String, Object> fields, String name, String entry) throws IOException {
        if (fields.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IOException(entry + ": '" + name + "' missing or not a string");
    }

    private static int port(Map<String, Object> fields, String entry) throws IOException {
        if (fields.get("port") instanceof Long port && port > 0 && port < 65536) {
            return port.intValue();
        }
        throw new IOException(entry + ": 'port' missing or not a port number");
    }

    @SuppressWarnings("unchecked")
    private static PoolNode.Console console(Map<String, Object> fields, String entry) throws IOException {
        Object console = fields.get("console");
        if (console == null) {
            return null;
        }
        if (!(console instanceof Map<?, ?> map)) {
            throw new IOException(entry + ": 'console' is not an object");
        }
        Map<String, Object> consoleFields = (Map<String, Object>) map;
        String consoleEntry = entry + ".console";
        return new PoolNode.Console(port(consoleFields, consoleEntry), text(consoleFields, "user", consoleEntry),
                Path.of(text(consoleFields, "key", consoleEntry)));
    }

    static String toJson(List<PoolNode> nodes) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("nodes");
            for (PoolNode node : nodes) {
                json.writeStartObject();
                json.writeStringField("name", node.name());
                json.writeStringField("host", node.host());
                json.writeNumberField("port", node.port());
                json.writeStringField("user", node.user());
                json.writeStringField("key", node.key().toString());
                json.writeStringField("agent", node.agent());
                if (node.console() != null) {
                    json.writeObjectFieldStart("console");
                    json.writeNumberField("port", node.console().port());
                    json.writeStringField("user", node.console().user());
                    json.writeStringField("key", node.console().key().toString());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}
