package org.nestor.core.ssh;

/**
 * The command did not start: the target could not be reached, refused us or its host key, or
 * would not open a channel. Unlike a connection lost under a running command, trying another way
 * to the same node is safe.
 */
public class SshUnreachableException extends SshException {

    private static final long serialVersionUID = 1L;

    public SshUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SshUnreachableException(String message) {
        super(message);
    }
}
