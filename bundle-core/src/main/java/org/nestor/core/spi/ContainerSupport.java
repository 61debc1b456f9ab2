package org.nestor.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.nestor.core.spi.Waits.Deadline;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The readiness contract of semantics.md, for every container driver. Start: nothing when the
 * container is up already; else {@link #boot()}, then wait for it up, for its address to answer
 * ping (when it has one: the {@code hostname} keyword), for a no-op to succeed through its
 * transport (when it has one), all within one {@code start_timeout}, polled every 2 s at most,
 * giving up at once when it goes down. Stop: {@link #requestStop(Duration)}, wait down within
 * {@code stop_timeout}, then {@link #forceStop()} and wait down again.
 */
@ConsumerType
public abstract class ContainerSupport implements ContainerResource {

    /** Longest wait for a container forced down to be down. */
    public static final Duration FORCE_WAIT = Duration.ofSeconds(30);

    private final ResourceLog log;
    private final String hostname;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final ContainerProbes probes;

    /** Reads the keywords every container type has: hostname, start_timeout, stop_timeout. */
    protected ContainerSupport(ResourceContext context) {
        this(context, ContainerProbes.STANDARD);
    }

    protected ContainerSupport(ResourceContext context, ContainerProbes probes) {
        this.log = context.log();
        String configured = context.string("hostname");
        this.hostname = configured == null || configured.isBlank() ? null : configured.strip();
        this.startTimeout = context.duration("start_timeout", ContainerDriver.DEFAULT_START_TIMEOUT);
        this.stopTimeout = context.duration("stop_timeout", ContainerDriver.DEFAULT_STOP_TIMEOUT);
        this.probes = probes;
    }

    /** Whether the container runs, as its driver counts it (lxc RUNNING, a docker container running...). */
    protected abstract boolean up() throws ResourceException;

    /** Whether the container is stopped or does not exist: what a stop waits for. */
    protected abstract boolean down() throws ResourceException;

    /**
     * Why a container being started can no longer come up (it stopped, crashed, was removed), or
     * null while it still may; asked after each poll that did not find what it waited for.
     */
    protected abstract String downReason();

    /** Starts the container (creating or defining it first, when the driver does), without waiting for it. */
    protected abstract void boot() throws ResourceException;

    /**
     * Asks the container to stop gracefully within {@code timeout}; it may block up to it. A
     * container that cannot stop gracefully (a paused domain) may be forced down at once.
     */
    protected abstract void requestStop(Duration timeout) throws ResourceException;

    /** Forces the container down (kill, destroy), without waiting for it. */
    protected abstract void forceStop() throws ResourceException;

    /** The address pinged on start: the {@code hostname} keyword, or null. */
    protected final String hostname() {
        return hostname;
    }

    protected final Duration startTimeout() {
        return startTimeout;
    }

    protected final Duration stopTimeout() {
        return stopTimeout;
    }

    @Override
    public void start() throws ResourceException {
        if (up()) {
            log.info(name() + " already running");
            return;
        }
        boot();
        awaitStarted();
    }

    /** What a start waits for once {@link #boot()} returned: the readiness contract. */
    protected void awaitStarted() throws ResourceException {
        Deadline deadline = Deadline.after(startTimeout);
        waitStarting(name() + " running", deadline, this::upNow);
        if (hostname != null) {
            waitStarting(hostname + " answering ping", deadline, () -> probes.ping().test(hostname));
        }
        Optional<GuestTransport> transport = transport();
        if (transport.isPresent()) {
            waitStarting(name() + " operational", deadline, transport.get()::operational);
            log.info(name() + " running and operational");
        } else {
            log.info(name() + " running; no transport into its guest to probe");
        }
    }

    @Override
    public void stop() throws ResourceException {
        if (down()) {
            log.info(name() + " already stopped");
            return;
        }
        Deadline deadline = Deadline.after(stopTimeout);
        requestStop(stopTimeout);
        if (Waits.within(name() + " stopped", deadline, probes.poll(), this::downNow, () -> null)) {
            return;
        }
        log.warn(name() + " did not stop within " + stopTimeout.toSeconds() + "s: forcing it down");
        forceStop();
        Waits.until(name() + " stopped after being forced down", Deadline.after(FORCE_WAIT), probes.poll(),
                this::downNow, () -> null);
    }

    private void waitStarting(String what, Deadline deadline, BooleanSupplier done) throws ResourceException {
        Waits.until(what, deadline, probes.poll(), done, this::downReason);
    }

    /** For the polls: a state that cannot be read now is asked again at the next poll. */
    private boolean upNow() {
        try {
            return up();
        } catch (ResourceException e) {
            return false;
        }
    }

    private boolean downNow() {
        try {
            return down();
        } catch (ResourceException e) {
            return false;
        }
    }
}
