package org.nestor.core.pool;

/** A pool change refused, or a peer that cannot be reached; the message names the node. */
public class PoolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoolException(String message) {
        super(message);
    }

    public PoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
