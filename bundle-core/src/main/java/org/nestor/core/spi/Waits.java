package org.nestor.core.spi;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polling with a deadline, as containers are waited for: every 2 s at most (sooner at first,
 * so that a quick guest is not kept waiting), failing early when the thing waited for can no
 * longer happen.
 */
public final class Waits {

    /** The longest pause between two polls, per semantics. */
    public static final Duration POLL = Duration.ofSeconds(2);

    private static final Duration FIRST_POLL = Duration.ofMillis(100);

    private Waits() {
    }

    /**
     * @param what    what is waited for, for the messages ("lxc c1 running")
     * @param timeout the deadline
     * @param done    polled until it answers true
     * @param abort   polled after each false answer: a reason to give up at once, or null
     * @throws ResourceException on the deadline or when {@code abort} gives a reason
     */
    public static void until(String what, Duration timeout, BooleanSupplier done, Supplier<String> abort)
            throws ResourceException {
        until(what, Deadline.after(timeout), POLL, done, abort);
    }

    /** The same against a deadline several waits share, polling at most {@code poll} apart. */
    static void until(String what, Deadline deadline, Duration poll, BooleanSupplier done, Supplier<String> abort)
            throws ResourceException {
        if (!within(what, deadline, poll, done, abort)) {
            throw new ResourceException("timed out after " + deadline.timeout().toSeconds() + "s waiting for " + what);
        }
    }

    /**
     * Polls {@code done} until it answers true (then true) or the deadline passes (then false);
     * {@code done} is polled at least once, even past the deadline.
     *
     * @throws ResourceException when {@code abort} gives a reason, or on an interruption
     */
    static boolean within(String what, Deadline deadline, Duration poll, BooleanSupplier done,
                          Supplier<String> abort) throws ResourceException {
        long pause = Math.min(FIRST_POLL.toMillis(), poll.toMillis());
        while (!done.getAsBoolean()) {
            String reason = abort.get();
            if (reason != null) {
                throw new ResourceException("gave up waiting for " + what + ": " + reason);
            }
            long left = deadline.leftNanos();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceException("interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, poll.toMillis());
        }
        return true;
    }

    /** A point in time several waits share, and the timeout it was set from (for the messages). */
    record Deadline(long nanos, Duration timeout) {

        static Deadline after(Duration timeout) {
            return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
        }

        long leftNanos() {
            return nanos - System.nanoTime();
        }
    }
}
