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

    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

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
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL.toMillis();
        while (!done.getAsBoolean()) {
            String reason = abort.get();
            if (reason != null) {
                throw new ResourceException("gave up waiting for " + what + ": " + reason);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ResourceException("timed out after " + timeout.toSeconds() + "s waiting for " + what);
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceException("interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, LONGEST_POLL.toMillis());
        }
    }
}
