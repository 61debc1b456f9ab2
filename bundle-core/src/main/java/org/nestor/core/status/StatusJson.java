package org.nestor.core.status;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import org.nestor.core.internal.Json;


/**
 * The JSON document of a service status, as {@code print-status --format json} prints it, as the
 * status cache stores it and as a guest agent answers the hypervisor: {@code service, node, updated,
 * topology, frozen, overall, avail, optional, resources{rid: {status, type, label, flags, log[],
 * tags[], standby, optional, disable, encap}}, encap{container rid: guest status}} (encap only
 * when the service has guests).
 */
public final class StatusJson {


    private StatusJson() {
    }

    public static String write(ServiceStatus status) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            write(json, status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes the document into a larger one being generated. */
    public static void write(JsonGenerator json, ServiceStatus status) throws IOException {
        json.writeStartObject();
        json.writeStringField("service", status.service());
        json.writeStringField("node", status.node());
        json.writeStringField("updated", status.updated().toString());
        json.writeStringField("topology", status.topology());
        json.writeBooleanField("frozen", status.frozen());
        json.writeStringField("overall", status.overall().label());
        json.writeStringField("avail", status.avail().label());
        json.writeStringField("optional", status.optional().label());
        json.writeObjectFieldStart("resources");
        for (ResourceState resource : status.resources().values()) {
            json.writeObjectFieldStart(resource.rid());
            json.writeStringField("status", resource.status().label());
            json.writeStringField("type", resource.type());
            json.writeStringField("label", resource.label());
            json.writeStringField("flags", resource.flags());
            writeArray(json, "log", resource.log());
            writeArray(json, "tags", resource.tags());
            json.writeBooleanField("standby", resource.standby());
            json.writeBooleanField("optional", resource.optional());
            json.writeBooleanField("disable", resource.disable());
            json.writeBooleanField("encap", resource.encap());
            json.writeEndObject();
        }
        json.writeEndObject();
        if (!status.encap().isEmpty()) {
            json.writeObjectFieldStart("encap");
            for (Map.Entry<String, ServiceStatus> guest : status.encap().entrySet()) {
                json.writeFieldName(guest.getKey());
                write(json, guest.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** @throws IllegalArgumentException when the text is not such a document */
    @SuppressWarnings("unchecked")
    public static ServiceStatus read(String text) {
        try {
            return status((Map<String, Object>) Json.parse(text));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a service status document: " + e.getMessage(), e);
        }
    }

    /**
     * The document of {@code print-status --all --format json}: one status per service name.
     *
     * @throws IllegalArgumentException when the text is not such a document
     */
    @SuppressWarnings("unchecked")
    public static Map<String, ServiceStatus> readAll(String text) {
        try {
            Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
            ((Map<String, Object>) Json.parse(text)).forEach((name, document) ->
                    statuses.put(name, status((Map<String, Object>) document)));
            return statuses;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a document of service statuses: " + e.getMessage(), e);
        }
    }

    /** The status a document already parsed into maps and lists ({@link Json#parse}) holds. */
    @SuppressWarnings("unchecked")
    public static ServiceStatus status(Map<String, Object> document) {
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) document.get("resources");
        Map<String, ResourceState> states = new LinkedHashMap<>();
        resources.forEach((rid, r) -> states.put(rid, new ResourceState(rid, (String) r.get("type"),
                (String) r.get("label"), Status.of((String) r.get("status")), (String) r.get("flags"),
                strings(r.get("log")), strings(r.get("tags")), (Boolean) r.get("standby"),
                (Boolean) r.get("optional"), (Boolean) r.get("disable"), (Boolean) r.get("encap"))));
        Map<String, ServiceStatus> guests = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) document.getOrDefault("encap", Map.of()))
                .forEach((rid, guest) -> guests.put(rid, status(guest)));
        return new ServiceStatus((String) document.get("service"), (String) document.get("node"), Instant.parse((String) document.get("updated")),
                (String) document.get("topology"), (Boolean) document.get("frozen"),
                Status.of((String) document.get("overall")), Status.of((String) document.get("avail")),
                Status.of((String) document.get("optional")), states, guests);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
