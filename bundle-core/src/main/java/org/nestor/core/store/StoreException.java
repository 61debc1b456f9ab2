package org.nestor.core.store;

/** The store refused an operation (missing or existing service, bad name, lock timeout, I/O). */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
