package org.nestor.core.internal.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * An application run by three argument vectors. The check's exit code is the status: 0 up,
 * 1 down, anything else (or a timeout) warn; its output goes into the status log.
 */
final class AppResource implements Resource {

    private static final int STATUS_LOG_LINES = 5;

    private final ResourceContext context;
    private final List<String> start;
    private final List<String> stop;
    private final List<String> check;
    private final Duration timeout;
    private final Path directory;
    private final Map<String, String> environment = new LinkedHashMap<>();

    AppResource(ResourceContext context) throws ResourceException {
        this.context = context;
        this.start = context.argv("start");
        this.stop = context.argv("stop");
        this.check = context.argv("check");
        this.timeout = context.duration("timeout", Duration.ofSeconds(60));
        String cwd = context.string("cwd");
        this.directory = cwd == null ? null : Path.of(cwd);
        for (String word : context.list("environment")) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ResourceException("environment: '" + word + "' is not KEY=VALUE");
            }
            environment.put(word.substring(0, eq), word.substring(eq + 1));
        }
    }

    @Override
    public void start() throws ResourceException {
        runAction("start", start);
    }

    @Override
    public void stop() throws ResourceException {
        runAction("stop", stop);
    }

    private void runAction(String action, List<String> argv) throws ResourceException {
        if (argv == null) {
            context.log().info("no " + action + " command");
            return;
        }
        context.log().info(action + ": " + String.join(" ", argv));
        CommandResult result = context.commands().run(argv, timeout, directory, environment, null);
        result.stdout().lines().filter(line -> !line.isBlank()).forEach(context.log()::info);
        result.stderr().lines().filter(line -> !line.isBlank()).forEach(context.log()::warn);
        if (!result.succeeded()) {
            throw new ResourceException(action + " " + outcome(result));
        }
    }

    @Override
    public ResourceStatus status() {
        if (check == null) {
            return ResourceStatus.of(Status.NA, "no check command");
        }
        CommandResult result = context.commands().run(check, timeout, directory, environment, null);
        List<String> log = new ArrayList<>();
        Status status = switch (result.timedOut() ? -1 : result.exitCode()) {
            case 0 -> Status.UP;
            case 1 -> Status.DOWN;
            default -> {
                log.add("warn: check " + outcome(result));
                yield Status.WARN;
            }
        };
        last(result.stdout()).forEach(line -> log.add("info: " + line));
        last(result.stderr()).forEach(line -> log.add("info: " + line));
        return new ResourceStatus(status, log);
    }

    private String outcome(CommandResult result) {
        if (result.timedOut()) {
            return "timed out after " + timeout.toSeconds() + "s";
        }
        String reason = result.reason();
        return "exited " + result.exitCode() + (reason.isEmpty() ? "" : ": " + reason);
    }

    private static List<String> last(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.subList(Math.max(0, lines.size() - STATUS_LOG_LINES), lines.size());
    }

    @Override
    public String label() {
        return start == null ? "no start command" : String.join(" ", start);
    }
}
