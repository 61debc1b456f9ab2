package org.nestor.core.spi;

/** A resource could not be created, started or stopped; the message says why, in one line. */
public class ResourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResourceException(String message) {
        super(message);
    }

    public ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
