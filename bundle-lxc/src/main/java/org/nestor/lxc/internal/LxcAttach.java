package org.nestor.lxc.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;

/**
 * Commands and files into an LXC container: {@code lxc-attach -n NAME [-P PATH] --clear-env --},
 * or the {@code rcmd} argument vector in its place; stdin, exit codes and timeouts kept.
 */
final class LxcAttach implements GuestTransport {

    private final LxcTools lxc;
    private final List<String> rcmd;
    private final Duration copyTimeout;

    /** @param rcmd the argument vector that replaces lxc-attach, or null */
    LxcAttach(LxcTools lxc, List<String> rcmd, Duration copyTimeout) {
        this.lxc = lxc;
        this.rcmd = rcmd;
        this.copyTimeout = copyTimeout;
    }

    @Override
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        try {
            return lxc.run(attach(argv), timeout, stdin);
        } catch (ResourceException e) {
            return GuestTransport.cannotJoin(e.getMessage());
        }
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        // the path travels as an argument of the shell, never inside its script
        CommandResult result = lxc.run(attach(List.of("/bin/sh", "-c", "cat > \"$1\"", "sh", guestPath)),
                copyTimeout, LocalFiles.read(local));
        if (!result.succeeded()) {
            throw new ResourceException("copy of " + local + " to " + lxc.name() + ":" + guestPath + " failed: "
                    + LxcTools.failure(result));
        }
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        LocalFiles.replace(local, temporary -> {
            CommandResult result = lxc.run(attach(List.of("cat", guestPath)), copyTimeout, null, temporary);
            if (!result.succeeded()) {
                throw new ResourceException("copy of " + lxc.name() + ":" + guestPath + " to " + local + " failed: "
                        + LxcTools.failure(result));
            }
        });
    }

    private List<String> attach(List<String> argv) {
        List<String> full = new ArrayList<>(rcmd != null ? rcmd : lxc.argv("lxc-attach", List.of("--clear-env", "--")));
        full.addAll(argv);
        return full;
    }
}
