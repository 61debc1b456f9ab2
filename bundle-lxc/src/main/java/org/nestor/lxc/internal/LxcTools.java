package org.nestor.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceException;

/**
 * The lxc-* programs for one container: argument vectors with {@code -n NAME [-P PATH]}, run with
 * a timeout. The programs come from a configured directory, else from the PATH.
 */
final class LxcTools {

    /** How long the quick tools (lxc-info) may take. */
    static final Duration QUICK = Duration.ofSeconds(30);

    /** lxc's own container directory when no {@code -P} is given. */
    static final Path DEFAULT_LXC_PATH = Path.of("/var/lib/lxc");

    private final Commands commands;
    private final Path toolsDirectory;
    private final String name;
    private final Path lxcPath;

    /**
     * @param commands       how the tools are run
     * @param toolsDirectory where lxc-start and the others are, or null for the PATH
     * @param name           the container name
     * @param lxcPath        the container directory ({@code -P}), or null for lxc's default
     */
    LxcTools(Commands commands, Path toolsDirectory, String name, Path lxcPath) {
        this.commands = commands;
        this.toolsDirectory = toolsDirectory;
        this.name = name;
        this.lxcPath = lxcPath;
    }

    String name() {
        return name;
    }

    Path lxcPath() {
        return lxcPath;
    }

    /** {@code tool -n NAME [-P PATH] args...} */
    List<String> argv(String tool, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(toolsDirectory == null ? tool : toolsDirectory.resolve(tool).toString());
        argv.add("-n");
        argv.add(name);
        if (lxcPath != null) {
            argv.add("-P");
            argv.add(lxcPath.toString());
        }
        argv.addAll(args);
        return argv;
    }

    CommandResult run(String tool, List<String> args, Duration timeout) throws ResourceException {
        return run(argv(tool, args), timeout, null);
    }

    /** Runs an argument vector made by {@link #argv}; a missing program is an exception naming it. */
    CommandResult run(List<String> argv, Duration timeout, byte[] stdin) throws ResourceException {
        return run(argv, timeout, stdin, null);
    }

    CommandResult run(List<String> argv, Duration timeout, byte[] stdin, Path stdoutFile) throws ResourceException {
        String program = argv.get(0);
        if (toolsDirectory != null ? !Files.isExecutable(Path.of(program)) : !onPath(program)) {
            throw new ResourceException("lxc tools not found: " + program + " is not "
                    + (toolsDirectory != null ? "in " + toolsDirectory : "on the PATH") + " (install the lxc package)");
        }
        return commands.run(argv, timeout, null, Map.of(), stdin, stdoutFile);
    }

    /** The state lxc-info reports (RUNNING, STOPPED, FROZEN...), or null when the container does not exist. */
    String state() throws ResourceException {
        CommandResult result = run("lxc-info", List.of("-s", "-H"), QUICK);
        if (!result.succeeded()) {
            if (result.reason().contains("doesn't exist") || result.reason().contains("does not exist")) {
                return null;
            }
            throw new ResourceException("lxc-info failed: " + failure(result));
        }
        return result.stdout().strip();
    }

    /** The pid of the container's init while it runs ({@code lxc-info -p}), else empty. */
    OptionalLong pid() throws ResourceException {
        CommandResult result = run("lxc-info", List.of("-p", "-H"), QUICK);
        String pid = result.stdout().strip();
        return result.succeeded() && pid.matches("\\d+") ? OptionalLong.of(Long.parseLong(pid)) : OptionalLong.empty();
    }

    /** A configuration item of the container ({@code lxc-info -c KEY}), or null when it has none. */
    String configItem(String key) throws ResourceException {
        CommandResult result = run("lxc-info", List.of("-c", key), QUICK);
        if (!result.succeeded()) {
            throw new ResourceException("lxc-info -c " + key + " failed: " + failure(result));
        }
        String line = result.stdout().strip();
        int equals = line.indexOf('=');
        return equals < 0 || line.substring(equals + 1).isBlank() ? null : line.substring(equals + 1).strip();
    }

    /** Why a command failed, in one line. */
    static String failure(CommandResult result) {
        if (result.timedOut()) {
            return "timed out";
        }
        return "exit " + result.exitCode() + (result.reason().isEmpty() ? "" : ": " + result.reason());
    }

    private static boolean onPath(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
