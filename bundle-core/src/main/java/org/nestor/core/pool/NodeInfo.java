package org.nestor.core.pool;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import org.nestor.core.internal.Json;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.StatusJson;
import org.nestor.core.sync.ConfigVersion;

/**
 * What a node says of itself to its peers ({@code pool info}, JSON): its name, Nestor version,
 * installed driver types, the version and checksum of its services' configurations and, when
 * asked ({@code --status}), their statuses: one answer where a switch needs both.
 */
public record NodeInfo(String node, String version, List<String> drivers, Map<String, ConfigVersion> services,
                       Map<String, ServiceStatus> statuses) {

    public NodeInfo {
        drivers = List.copyOf(drivers);
        services = Map.copyOf(services);
        statuses = Map.copyOf(statuses);
    }

    /** A description without statuses. */
    public NodeInfo(String node, String version, List<String> drivers, Map<String, ConfigVersion> services) {
        this(node, version, drivers, services, Map.of());
    }

    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("node", node);
            json.writeStringField("version", version);
            json.writeArrayFieldStart("drivers");
            for (String driver : drivers) {
                json.writeString(driver);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("services");
            for (Map.Entry<String, ConfigVersion> service : new TreeMap<>(services).entrySet()) {
                json.writeObjectFieldStart(service.getKey());
                json.writeNumberField("version", service.getValue().version());
                json.writeStringField("checksum", service.getValue().checksum());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("statuses");
            for (Map.Entry<String, ServiceStatus> status : new TreeMap<>(statuses).entrySet()) {
                json.writeFieldName(status.getKey());
                StatusJson.write(json, status.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text is not such a document */
    @SuppressWarnings("unchecked")
    public static NodeInfo fromJson(String text) {
        try {
            Map<String, Object> document = (Map<String, Object>) Json.parse(text);
            Map<String, ConfigVersion> services = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) document.get("services")).forEach((name, service) ->
                    services.put(name, new ConfigVersion((Long) service.get("version"),
                            (String) service.get("checksum"))));
            Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) document.getOrDefault("statuses", Map.of())).forEach((name, status) ->
                    statuses.put(name, StatusJson.status(status)));
            return new NodeInfo((String) document.get("node"), (String) document.get("version"),
                    (List<String>) document.get("drivers"), services, statuses);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a node description: " + e.getMessage(), e);
        }
    }
}
