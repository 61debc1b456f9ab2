package org.nestor.network.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceException;

/**
 * Where the network commands run: this node's own namespace, or a container's, entered with
 * {@code nsenter -t PID -n}. Every command is an argument vector with a timeout.
 */
record Namespace(Commands commands, Long pid) {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** This node's own namespace. */
    static Namespace host(Commands commands) {
        return new Namespace(commands, null);
    }

    static Namespace ofContainer(Commands commands, long pid) {
        return new Namespace(commands, pid);
    }

    CommandResult run(List<String> argv) {
        return commands.run(command(argv), COMMAND_TIMEOUT);
    }

    /** Runs it and fails, with its error, unless it succeeds. */
    CommandResult check(List<String> argv) throws ResourceException {
        return commands.check(command(argv), COMMAND_TIMEOUT);
    }

    private List<String> command(List<String> argv) {
        List<String> command = new ArrayList<>();
        if (pid != null) {
            command.addAll(List.of("nsenter", "-t", Long.toString(pid), "-n", "--"));
        }
        command.addAll(argv);
        return command;
    }

    /** " in the namespace of pid N", or nothing for the host's. */
    String where() {
        return pid == null ? "" : " in the namespace of pid " + pid;
    }
}
