package org.nestor.core.internal.action;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

import org.nestor.core.spi.ResourceLog;

/**
 * The action log of a service: lines {@code TIME node.svc[.rid] LEVEL message} appended to
 * {@code data/nestor/<svc>/actions.log}, and echoed (without the time) to whoever runs the action.
 */
final class ActionLog implements AutoCloseable {

    private final BufferedWriter writer;
    private final String prefix;
    private final Consumer<String> echo;

    ActionLog(Path file, String node, String service, Consumer<String> echo) throws IOException {
        Files.createDirectories(file.getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.prefix = node + "." + service;
        this.echo = echo;
    }

    synchronized void log(String rid, String level, String message) {
        String line = prefix + (rid == null ? "" : "." + rid) + " " + level + " " + message;
        try {
            writer.write(Instant.now() + " " + line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the action log: " + e.getMessage(), e);
        }
        echo.accept(line);
    }

    void info(String rid, String message) {
        log(rid, "INFO", message);
    }

    void warn(String rid, String message) {
        log(rid, "WARN", message);
    }

    void error(String rid, String message) {
        log(rid, "ERROR", message);
    }

    ResourceLog forResource(String rid) {
        return new ResourceLog() {
            @Override
            public void info(String message) {
                ActionLog.this.info(rid, message);
            }

            @Override
            public void warn(String message) {
                ActionLog.this.warn(rid, message);
            }

            @Override
            public void error(String message) {
                ActionLog.this.error(rid, message);
            }
        };
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
