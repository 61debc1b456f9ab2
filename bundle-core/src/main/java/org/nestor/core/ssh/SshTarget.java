package org.nestor.core.ssh;

import java.nio.file.Path;

/**
 * Where commands go: a user on a host and port, the private key that logs in, and the known_hosts
 * file that must already hold the host's key.
 */
public record SshTarget(String user, String host, int port, Path key, Path knownHosts) {

    /** {@code user@host:port}, as messages name the target. */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
