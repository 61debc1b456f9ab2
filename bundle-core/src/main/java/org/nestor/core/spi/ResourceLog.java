package org.nestor.core.spi;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** Lines a resource adds to its service's action log, as {@code TIME node.svc.rid LEVEL message}. */
@ProviderType
public interface ResourceLog {

    /** Logs nothing: status checks, which leave the action log alone. */
    ResourceLog SILENT = to(line -> { });

    void info(String message);

    void warn(String message);

    void error(String message);

    /** Hands each line to {@code lines} as {@code LEVEL message}: for tests, benchmarks and tools. */
    static ResourceLog to(Consumer<String> lines) {
        return new ResourceLog() {
            @Override
            public void info(String message) {
                lines.accept("INFO " + message);
            }

            @Override
            public void warn(String message) {
                lines.accept("WARN " + message);
            }

            @Override
            public void error(String message) {
                lines.accept("ERROR " + message);
            }
        };
    }
}
