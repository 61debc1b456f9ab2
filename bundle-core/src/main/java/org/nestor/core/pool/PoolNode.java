package org.nestor.core.pool;

import java.nio.file.Path;

import org.nestor.core.ssh.SshTarget;

/**
 * A peer of this node.
 *
 * @param name  its node name (what its own node.cfg says)
 * @param host  address or name its sshd answers on
 * @param port  its sshd's port
 * @param user  the user commands run as
 * @param key   the private key that logs in (absolute path)
 * @param agent its {@code bin/nestor}, which runs every command sent to it
 */
public record PoolNode(String name, String host, int port, String user, Path key, String agent) {

    /** Where its commands go, with the host keys this node trusts. */
    public SshTarget target(Path knownHosts) {
        return new SshTarget(user, host, port, key, knownHosts);
    }

    /** {@code name (user@host:port)}, as messages name a peer. */
    public String describe() {
        return name + " (" + user + "@" + host + ":" + port + ")";
    }
}
