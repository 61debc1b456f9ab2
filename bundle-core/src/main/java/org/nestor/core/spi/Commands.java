package org.nestor.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.nestor.core.internal.process.LocalCommands;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs argument vectors (never shell strings) on this node with a timeout: how drivers run their
 * tools, through {@link ResourceContext#commands()}. A command that leaves a daemon behind still
 * returns when it exits itself; on timeout the command and all its descendants are killed.
 */
@ProviderType
public interface Commands {

    /**
     * This node's commands: what the engine's contexts give their resources. Here for what runs
     * without a context (a readiness probe's ping, a test's fixtures, a benchmark's setup).
     */
    static Commands local() {
        return LocalCommands.INSTANCE;
    }

    /**
     * @param argv        the command and its arguments
     * @param timeout     longest run before the command and its descendants are killed
     * @param directory   working directory, or null for the current one
     * @param environment variables added to this process's environment
     * @param stdin       bytes fed to standard input, or null for none
     * @param stdoutFile  where standard output is written as bytes (copies out of a guest; the
     *                    result's stdout is then empty), or null to capture it as text
     */
    CommandResult run(List<String> argv, Duration timeout, Path directory, Map<String, String> environment,
                      byte[] stdin, Path stdoutFile);

    /** The same, standard output captured. */
    default CommandResult run(List<String> argv, Duration timeout, Path directory, Map<String, String> environment,
                              byte[] stdin) {
        return run(argv, timeout, directory, environment, stdin, null);
    }

    /** The same in the current directory, with no input and this process's environment. */
    default CommandResult run(List<String> argv, Duration timeout) {
        return run(argv, timeout, null, Map.of(), null, null);
    }

    /**
     * Runs a command that must succeed.
     *
     * @throws ResourceException naming the command and its reason when it fails or times out
     */
    default CommandResult check(List<String> argv, Duration timeout) throws ResourceException {
        CommandResult result = run(argv, timeout);
        if (!result.succeeded()) {
            throw new ResourceException(String.join(" ", argv) + " failed: " + (result.timedOut()
                    ? "no end within " + timeout.toSeconds() + " s" : result.reason()));
        }
        return result;
    }
}
