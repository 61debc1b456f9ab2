package org.nestor.core.pool;

import java.nio.file.Path;

import org.nestor.core.ssh.SshTarget;

/**
 * A peer of this node.
 *
 * @param name    its node name (what its own node.cfg says)
 * @param host    address or name its sshd answers on
 * @param port    its sshd's port
 * @param user    the user commands run as
 * @param key     the private key that logs in (absolute path)
 * @param agent   its {@code bin/nestor}, which runs every command sent to it (through its
 *                Karaf console instead when it has one and that console answers)
 * @param console its Karaf console, or null: commands go there first (a running JVM answers in
 *                milliseconds where {@code bin/nestor} starts one per command); data syncs and
 *                a console that cannot be reached use the sshd
 */
public record PoolNode(String name, String host, int port, String user, Path key, String agent, Console console) {

    /**
     * A Karaf console's sshd on the same host.
     *
     * @param port its port ({@code sshPort} of {@code etc/org.apache.karaf.shell.cfg})
     * @param user the Karaf user (its public key in {@code etc/keys.properties}, admin group)
     * @param key  the private key that logs in (RSA or EC: Karaf takes no ed25519 key)
     */
    public record Console(int port, String user, Path key) {
    }

    /** A peer reached through its {@code bin/nestor} alone. */
    public PoolNode(String name, String host, int port, String user, Path key, String agent) {
        this(name, host, port, user, key, agent, null);
    }

    /** The same peer reached through its {@code bin/nestor} alone (to check that way too). */
    public PoolNode withoutConsole() {
        return new PoolNode(name, host, port, user, key, agent);
    }

    /** Where its agent's commands and data syncs go, with the host keys this node trusts. */
    public SshTarget target(Path knownHosts) {
        return new SshTarget(user, host, port, key, knownHosts);
    }

    /** Where its console's commands go; only for a node that has a console. */
    public SshTarget consoleTarget(Path knownHosts) {
        return new SshTarget(console.user(), host, console.port(), console.key(), knownHosts);
    }

    /** {@code name (user@host:port)}, as messages name a peer. */
    public String describe() {
        return name + " (" + address() + ")";
    }

    /** {@code user@host:port}, and the console's {@code user@host:port} when it has one. */
    public String address() {
        return user + "@" + host + ":" + port
                + (console == null ? "" : ", console " + console.user() + "@" + host + ":" + console.port());
    }
}
