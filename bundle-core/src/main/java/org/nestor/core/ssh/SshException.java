package org.nestor.core.ssh;

/** The target cannot be reached, refused its host key or the login; the message says which. */
public class SshException extends Exception {

    private static final long serialVersionUID = 1L;

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }

    public SshException(String message) {
        super(message);
    }
}
