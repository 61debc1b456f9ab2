package org.nestor.core.action;

/** An action failed or was refused; the message says which resource and why. */
public class ActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ActionException(String message) {
        super(message);
    }

    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
