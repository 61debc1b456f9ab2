package org.nestor.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a container's start is waited for: the longest pause between two polls, and whether an
 * address answers ping. Drivers use {@link #STANDARD}; the readiness contract's own tests poll
 * faster and answer ping themselves.
 *
 * @param poll the longest pause between two polls
 * @param ping whether an address (host name or IP) answers
 */
public record ContainerProbes(Duration poll, Predicate<String> ping) {

    /** Polls every 2 s at most; pings with the ping command. */
    public static final ContainerProbes STANDARD = new ContainerProbes(Waits.POLL, ContainerProbes::answersPing);

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    /** {@code ping -c 1 -W 1 ADDRESS}: one echo request, answered within a second (IPv4 or IPv6). */
    public static boolean answersPing(String address) {
        return Commands.local().run(List.of("ping", "-c", "1", "-W", "1", address), PING_TIMEOUT).succeeded();
    }
}
