package org.nestor.libvirt.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;

/**
 * Commands and files through the QEMU guest agent ({@code virDomainQemuAgentCommand}):
 * guest-exec then guest-exec-status polling, guest-file-open/read/write/close for copies. The
 * agent cannot kill what it started: a timed-out command is killed by a second guest-exec.
 */
final class QgaTransport implements GuestTransport {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int AGENT_TIMEOUT_SECONDS = 10;
    private static final int CHUNK = 48 * 1024;
    private static final long POLL_MILLIS = 20;

    private final LibvirtConnections connections;
    private final String uri;
    private final String domain;

    QgaTransport(LibvirtConnections connections, String uri, String domain) {
        this.connections = connections;
        this.uri = uri;
        this.domain = domain;
    }

    @Override
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        long pid;
        try {
            Map<String, Object> started = agent("guest-exec", json -> {
                json.writeStringField("path", argv.get(0));
                json.writeArrayFieldStart("arg");
                for (String word : argv.subList(1, argv.size())) {
                    json.writeString(word);
                }
                json.writeEndArray();
                if (stdin != null) {
                    json.writeStringField("input-data", Base64.getEncoder().encodeToString(stdin));
                }
                json.writeBooleanField("capture-output", true);
            });
            pid = ((Number) started.get("pid")).longValue();
        } catch (ResourceException e) {
            return GuestTransport.cannotJoin(e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Map<String, Object> status = agent("guest-exec-status", json -> json.writeNumberField("pid", pid));
                if (Boolean.TRUE.equals(status.get("exited"))) {
                    Number exit = (Number) status.getOrDefault("exitcode", -1);
                    return new CommandResult(exit.intValue(), decode(status.get("out-data")),
                            decode(status.get("err-data")), false);
                }
                if (System.nanoTime() > deadline) {
                    exec(List.of("kill", "-KILL", Long.toString(pid)), null, Duration.ofSeconds(AGENT_TIMEOUT_SECONDS));
                    return new CommandResult(-1, "", "timed out after " + timeout.toSeconds() + "s", true);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (ResourceException e) {
            return GuestTransport.cannotJoin(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(-1, "", "interrupted", true);
        }
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        byte[] content = LocalFiles.read(local);
        long handle = open(guestPath, "w");
        try {
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + CHUNK));
                agent("guest-file-write", json -> {
                    json.writeNumberField("handle", handle);
                    json.writeStringField("buf-b64", Base64.getEncoder().encodeToString(chunk));
                });
            }
        } finally {
            close(handle);
        }
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        long handle = open(guestPath, "r");
        try {
            LocalFiles.replace(local, temporary -> {
                while (true) {
                    Map<String, Object> read = agent("guest-file-read", json -> {
                        json.writeNumberField("handle", handle);
                        json.writeNumberField("count", CHUNK);
                    });
                    Object data = read.get("buf-b64");
                    if (data != null) {
                        Files.write(temporary, Base64.getDecoder().decode((String) data), StandardOpenOption.APPEND);
                    }
                    if (Boolean.TRUE.equals(read.get("eof"))) {
                        return;
                    }
                }
            });
        } finally {
            close(handle);
        }
    }

    private long open(String guestPath, String mode) throws ResourceException {
        Map<String, Object> opened = agent("guest-file-open", json -> {
            json.writeStringField("path", guestPath);
            json.writeStringField("mode", mode);
        });
        return ((Number) opened.get("return")).longValue();
    }

    private void close(long handle) throws ResourceException {
        agent("guest-file-close", json -> json.writeNumberField("handle", handle));
    }

    @FunctionalInterface
    private interface Arguments {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * One agent command: {@code {"execute": name, "arguments": {...}}}. Its "return" comes back as a
     * map of its fields, or under the key "return" when it is a plain value.
     */
    private Map<String, Object> agent(String command, Arguments arguments) throws ResourceException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("execute", command);
            json.writeObjectFieldStart("arguments");
            arguments.write(json);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String answer = connections.call(uri, connect -> connect.domainLookupByName(domain)
                .qemuAgentCommand(text.toString(), AGENT_TIMEOUT_SECONDS, 0));
        try {
            return returned(answer);
        } catch (IOException | RuntimeException e) {
            throw new ResourceException(domain + ": unexpected answer to " + command + ": " + answer, e);
        }
    }

    /** The fields of the answer's "return" (scalars only, which is all these commands return). */
    static Map<String, Object> returned(String answer) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("return")) {
                    parser.skipChildren();
                } else if (value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        fields.put(field, scalar(parser, parser.nextToken()));
                    }
                } else {
                    fields.put("return", scalar(parser, value));
                }
            }
        }
        return fields;
    }

    private static Object scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }

    private static String decode(Object base64) {
        return base64 == null ? "" : new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }
}
