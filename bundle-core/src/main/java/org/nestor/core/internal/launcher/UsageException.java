package org.nestor.core.internal.launcher;

/** The command line is wrong; the message says what and how to get help. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
