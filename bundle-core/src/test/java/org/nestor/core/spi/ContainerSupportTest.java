package org.nestor.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * The readiness contract every container driver shares, on a container of this test whose state
 * the test drives: it comes up, answers ping and becomes operational after so many polls, goes
 * down when told, and writes down what was asked of it, in order.
 */
class ContainerSupportTest {

    private static final Duration FAST = Duration.ofMillis(1);

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** Pings of the container's address before it answers; -1: never. */
    private volatile int pingAfter;
    private int pings;

    private boolean answers() {
        return pingAfter >= 0 && pings++ >= pingAfter;
    }

    /** What the container does: the test sets these before acting on it. */
    private final class Scripted extends ContainerSupport {

        volatile boolean running;
        volatile boolean stopped = true;
        /** Polls of up() after boot() before it is up; -1: never. */
        volatile int upAfter;
        /** No-ops through its transport before one succeeds; -1: never. */
        volatile int operationalAfter;
        /** Stops when asked; false: only when forced. */
        volatile boolean obeysStop = true;
        /** Goes down by itself after this many no-ops; -1: never. */
        volatile int diesAfterProbes = -1;
        volatile boolean hasTransport = true;
        private int upPolls;
        private int probes;

        Scripted(Map<String, Object> values) {
            super(context(values), new ContainerProbes(FAST, address -> {
                events.add("ping " + address);
                return answers();
            }));
        }

        @Override
        public String name() {
            return "c1";
        }

        @Override
        public Optional<GuestTransport> transport() {
            return hasTransport ? Optional.of(new GuestTransport() {
                @Override
                public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
                    events.add("exec " + String.join(" ", argv));
                    int probe = probes++;
                    if (diesAfterProbes >= 0 && probe >= diesAfterProbes) {
                        running = false;
                        stopped = true;
                    }
                    boolean ok = running && operationalAfter >= 0 && probe >= operationalAfter;
                    return new CommandResult(ok ? 0 : 1, "", "", false);
                }

                @Override
                public void copyIn(Path local, String guestPath) {
                    events.add("copyIn");
                }

                @Override
                public void copyOut(String guestPath, Path local) {
                    events.add("copyOut");
                }
            }) : Optional.empty();
        }

        @Override
        protected boolean up() {
            events.add("up?");
            if (!running && !stopped && upAfter >= 0 && upPolls++ >= upAfter) {
                running = true;
            }
            return running;
        }

        @Override
        protected boolean down() {
            events.add("down?");
            return stopped;
        }

        @Override
        protected String downReason() {
            return stopped ? "it stopped" : null;
        }

        @Override
        protected void boot() {
            events.add("boot");
            stopped = false;
        }

        @Override
        protected void requestStop(Duration timeout) {
            events.add("requestStop " + timeout.toSeconds() + "s");
            if (obeysStop) {
                running = false;
                stopped = true;
            }
        }

        @Override
        protected void forceStop() {
            events.add("forceStop");
            running = false;
            stopped = true;
        }

        @Override
        public ResourceStatus status() {
            return ResourceStatus.of(running ? Status.UP : Status.DOWN);
        }

        @Override
        public String label() {
            return "scripted c1";
        }

        @Override
        public String guestHostname() {
            return "c1";
        }
    }

    private ResourceContext context(Map<String, Object> values) {
        return ResourceContext.of("svc", "container#1", "n1", values, Path.of("etc"), Path.of("data"),
                ResourceLog.to(log::add));
    }

    private Scripted container(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of("start_timeout", 10L, "stop_timeout", 10L));
        all.putAll(values);
        return new Scripted(all);
    }

    /** The events with repeats of one event in a row folded, as the order of the steps reads. */
    private List<String> steps() {
        List<String> steps = new ArrayList<>();
        synchronized (events) {
            for (String event : events) {
                if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(event)) {
                    steps.add(event);
                }
            }
        }
        return steps;
    }

    @Test
    void startWaitsUpThenPingThenOperationalInThatOrder() throws ResourceException {
        Scripted container = container(Map.of("hostname", "10.0.0.5"));
        container.upAfter = 3;
        pingAfter = 2;
        container.operationalAfter = 2;
        container.start();
        assertEquals(List.of("up?", "boot", "up?", "ping 10.0.0.5", "exec true"), steps());
        assertEquals(4, events.stream().filter("up?"::equals).count() - 1, "polled until up");
        assertEquals(3, events.stream().filter("ping 10.0.0.5"::equals).count(), "pinged until it answered");
        assertEquals(3, events.stream().filter("exec true"::equals).count(), "probed until operational");
        assertTrue(log.contains("INFO c1 running and operational"), log.toString());
    }

    @Test
    void aContainerUpAlreadyIsLeftAlone() throws ResourceException {
        Scripted container = container(Map.of("hostname", "10.0.0.5"));
        container.running = true;
        container.stopped = false;
        container.start();
        assertEquals(List.of("up?"), steps());
        assertEquals(List.of("INFO c1 already running"), log);
    }

    @Test
    void noPingWithoutAnAddress() throws ResourceException {
        Scripted container = container(Map.of("hostname", " "));
        pingAfter = -1;
        container.start();
        assertEquals(List.of("up?", "boot", "up?", "exec true"), steps());
    }

    @Test
    void noProbeWithoutATransport() throws ResourceException {
        Scripted container = container(Map.of());
        container.hasTransport = false;
        container.start();
        assertEquals(List.of("up?", "boot", "up?"), steps());
        assertTrue(log.contains("INFO c1 running; no transport into its guest to probe"), log.toString());
        CommandResult exec = container.exec(List.of("true"), null, Duration.ofSeconds(1));
        assertTrue(GuestTransport.unjoinable(exec), exec.toString());
        assertEquals("c1 has no transport into its guest", exec.stderr());
        assertFalse(container.operational());
        ResourceException copy = assertThrows(ResourceException.class,
                () -> container.copyIn(Path.of("x"), "/tmp/x"));
        assertEquals("c1 has no transport into its guest", copy.getMessage());
    }

    @Test
    void theContainersOwnMethodsGoThroughItsTransport() throws ResourceException {
        Scripted container = container(Map.of());
        container.running = true;
        assertTrue(container.operational());
        container.copyIn(Path.of("x"), "/tmp/x");
        container.copyOut("/tmp/x", Path.of("x"));
        assertEquals(List.of("exec true", "copyIn", "copyOut"), steps());
    }

    @Test
    void aGuestThatNeverBecomesOperationalTimesOutNamingTheStep() {
        Scripted container = container(Map.of("start_timeout", 1L));
        container.operationalAfter = -1;
        ResourceException e = assertThrows(ResourceException.class, container::start);
        assertEquals("timed out after 1s waiting for c1 operational", e.getMessage());
    }

    @Test
    void anAddressThatNeverAnswersTimesOutNamingIt() {
        Scripted container = container(Map.of("start_timeout", 1L, "hostname", "10.0.0.5"));
        pingAfter = -1;
        ResourceException e = assertThrows(ResourceException.class, container::start);
        assertEquals("timed out after 1s waiting for 10.0.0.5 answering ping", e.getMessage());
        assertFalse(events.contains("exec true"), "no probe before the ping answered");
    }

    @Test
    void oneStartTimeoutBoundsAllTheWaits() {
        Scripted container = container(Map.of("start_timeout", 2L, "hostname", "10.0.0.5"));
        // up after about 1.5 s of polls, then a ping that never answers: one deadline ends the start
        // at 2 s, where a deadline per wait would have given the ping 2 s more
        container.upAfter = Integer.MAX_VALUE;
        pingAfter = -1;
        Thread upLater = new Thread(() -> {
            sleep(Duration.ofMillis(1500));
            container.running = true;
        });
        upLater.start();
        long start = System.nanoTime();
        ResourceException e = assertThrows(ResourceException.class, container::start);
        long elapsed = System.nanoTime() - start;
        assertEquals("timed out after 2s waiting for 10.0.0.5 answering ping", e.getMessage());
        assertTrue(elapsed < Duration.ofMillis(3200).toNanos(), "ended after " + elapsed / 1_000_000 + " ms");
    }

    @Test
    void aContainerThatGoesDownWhileWaitedForFailsAtOnce() {
        Scripted container = container(Map.of("start_timeout", 60L));
        container.operationalAfter = -1;
        container.diesAfterProbes = 3;
        long start = System.nanoTime();
        ResourceException e = assertThrows(ResourceException.class, container::start);
        assertEquals("gave up waiting for c1 operational: it stopped", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "did not wait for start_timeout");
    }

    @Test
    void aContainerThatStopsWhenAskedIsNotForced() throws ResourceException {
        Scripted container = container(Map.of("stop_timeout", 7L));
        container.running = true;
        container.stopped = false;
        container.stop();
        assertEquals(List.of("down?", "requestStop 7s", "down?"), steps());
    }

    @Test
    void aContainerStoppedAlreadyIsLeftAlone() throws ResourceException {
        container(Map.of()).stop();
        assertEquals(List.of("down?"), steps());
        assertEquals(List.of("INFO c1 already stopped"), log);
    }

    @Test
    void aContainerThatIgnoresTheStopIsForcedDownAfterStopTimeout() throws ResourceException {
        Scripted container = container(Map.of("stop_timeout", 1L));
        container.running = true;
        container.stopped = false;
        container.obeysStop = false;
        long start = System.nanoTime();
        container.stop();
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(), "the graceful stop was given its time");
        assertEquals(List.of("down?", "requestStop 1s", "down?", "forceStop", "down?"), steps());
        assertTrue(log.contains("WARN c1 did not stop within 1s: forcing it down"), log.toString());
        assertTrue(container.stopped);
    }

    @Test
    void exit127And255MeanTheGuestCannotBeJoined() {
        assertTrue(GuestTransport.unjoinable(new CommandResult(255, "", "", false)));
        assertTrue(GuestTransport.unjoinable(new CommandResult(127, "", "", false)));
        assertTrue(GuestTransport.unjoinable(GuestTransport.cannotJoin("no route")));
        for (int exit : new int[] {0, 1, 126, -1}) {
            assertFalse(GuestTransport.unjoinable(new CommandResult(exit, "", "", exit == -1)), "exit " + exit);
        }
    }

    @Test
    void theStandardPingIsTheCommandEveryTwoSeconds() {
        assertEquals(Duration.ofSeconds(2), ContainerProbes.STANDARD.poll());
        // .invalid is reserved (RFC 2606): the name never resolves, so ping fails
        assertFalse(ContainerProbes.STANDARD.ping().test("nestor.invalid"));
    }

    @Test
    void theStandardPingReachesLoopback() {
        assumeTrue(Stream.of("/usr/bin/ping", "/bin/ping").anyMatch(path -> Files.isExecutable(Path.of(path))),
                "ping is not installed (iputils-ping)");
        assertTrue(ContainerProbes.answersPing("127.0.0.1"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
