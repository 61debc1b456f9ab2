package org.nestor.core.ssh;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Commands over SSH with one session per target, reused by every call (a new session costs about
 * half a second; a command on a live one about 10 ms). A command runs with each word single-quoted:
 * no remote shell reads a value, and a timed-out command is killed, children first, on the remote
 * side. One component owns the sessions and ends them when it goes; its users only borrow them.
 */
@ProviderType
public interface SshSessions {

    /**
     * Runs an argument vector on the target, on its kept session.
     *
     * @param stdin what the command reads, or null for nothing
     * @throws SshUnreachableException when the target cannot be reached or refuses us
     * @throws SshException            when the connection dies under the command
     */
    SshOutput exec(SshTarget target, List<String> argv, byte[] stdin, Duration timeout) throws SshException;

    /**
     * Runs a command line as the target's own shell reads it, for a target without a POSIX shell
     * (a Karaf console): a timed-out command is only cut off, its channel closed. Each call has a
     * session of its own: a Karaf console ends the session after each command, and one about to be
     * ended must not be taken for the next.
     */
    SshOutput execLine(SshTarget target, String line, byte[] stdin, Duration timeout) throws SshException;

    /**
     * The target's host key as a known_hosts line, read from the key exchange alone: for an
     * administrator who asked to accept it, never used to trust a key on the quiet.
     */
    String hostKeyLine(SshTarget target) throws SshException;

    /** Ends the kept session to one target (it went away, or its key changed). */
    void close(SshTarget target);

    /**
     * Words as a POSIX shell reads them back unchanged, each single-quoted: for a remote command
     * line (ssh, rsync -e) built from values without any shell interpreting them.
     */
    static String shellWords(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }
}
