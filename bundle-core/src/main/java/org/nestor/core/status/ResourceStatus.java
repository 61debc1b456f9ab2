package org.nestor.core.status;

import java.util.List;

/**
 * What a resource reports: a value and the lines explaining it, each starting with its level
 * ({@code info: }, {@code warn: } or {@code error: }). A warning or an error makes the service's
 * overall status warn.
 */
public record ResourceStatus(Status status, List<String> log) {

    public ResourceStatus {
        log = List.copyOf(log);
    }

    public static ResourceStatus of(Status status, String... info) {
        return new ResourceStatus(status, List.of(info).stream().map(line -> "info: " + line).toList());
    }

    public static ResourceStatus warn(String reason) {
        return new ResourceStatus(Status.WARN, List.of("warn: " + reason));
    }

    public boolean hasWarning() {
        return log.stream().anyMatch(line -> line.startsWith("warn: ") || line.startsWith("error: "));
    }
}
