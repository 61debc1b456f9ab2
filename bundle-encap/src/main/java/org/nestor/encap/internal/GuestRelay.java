package org.nestor.encap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Guest;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.status.Status;

/**
 * Relays an action to the agents of a service's guests, in parallel, through each container's
 * transport: {@code <encap_agent> svc <action> [forwarded options] <service>}, only into containers
 * that are up, after the configurations are reconciled. Exit 127 or 255 means the guest cannot be
 * joined (agent missing, transport down); any other failure is the guest's, with its output in
 * the action log: at most {@value #MAX_OUTPUT} bytes of it, without control characters or terminal
 * escapes.
 */
final class GuestRelay {

    private static final int PARALLEL_GUESTS = 8;
    /** What is logged of one relay's output: a guest's output is untrusted, bounded, and cleaned of escapes. */
    static final int MAX_OUTPUT = 64 * 1024;

    private final ServiceActions engine;
    private final ConfigReconciler reconciler;

    GuestRelay(ServiceActions engine, ConfigReconciler reconciler) {
        this.engine = engine;
        this.reconciler = reconciler;
    }

    /**
     * @param tolerateUnjoinable on stop: a guest that cannot be joined is a warning, not a failure
     * @throws ActionException naming every guest that failed
     */
    void run(String service, ServiceAction action, ActionOptions options, List<Guest> guests,
             boolean tolerateUnjoinable) {
        List<Guest> up = new ArrayList<>();
        for (Guest guest : guests) {
            if (guest.container().status().status() == Status.UP) {
                up.add(guest);
            } else {
                engine.log(service, guest.rid(), "INFO", "skip: container " + guest.name() + " not running",
                        options.output());
            }
        }
        if (up.isEmpty()) {
            return;
        }
        reconcile(service, up, options, tolerateUnjoinable);
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(up.size(), PARALLEL_GUESTS));
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Guest guest : up) {
                results.add(pool.submit(() -> relay(service, action, options, guest, tolerateUnjoinable)));
            }
            for (Future<String> result : results) {
                String failure = result.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException(action.label() + " of " + service + " in its guests was interrupted", e);
        } catch (ExecutionException e) {
            throw new ActionException(action.label() + " of " + service + " in its guests: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new ActionException(String.join("; ", failures));
        }
    }

    /**
     * The configurations first. On stop a guest's copy that cannot be taken (empty, too large,
     * invalid) is a warning: a guest must not keep its hypervisor from stopping.
     */
    private void reconcile(String service, List<Guest> guests, ActionOptions options, boolean stopping) {
        try {
            reconciler.reconcile(service, guests, options);
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            engine.log(service, null, "WARN", "configurations not reconciled before the stop: " + e.getMessage(),
                    options.output());
        }
    }

    /** One guest; returns its failure, or null. */
    private String relay(String service, ServiceAction action, ActionOptions options, Guest guest,
                         boolean tolerateUnjoinable) {
        List<String> argv = command(guest.agent(), service, action, options);
        engine.log(service, guest.rid(), "INFO", "relay to " + guest.name() + ": " + String.join(" ", argv),
                options.output());
        CommandResult result = guest.container().exec(argv, null, guest.timeout());
        String relayed = GuestText.clean(GuestText.bounded(result.stdout() + result.stderr(), MAX_OUTPUT));
        for (String line : relayed.strip().split("\n")) {
            if (!line.isBlank()) {
                engine.log(service, guest.rid(), "INFO", guest.name() + ": " + GuestText.line(line), options.output());
            }
        }
        if (result.succeeded()) {
            return null;
        }
        String failure;
        if (result.timedOut()) {
            failure = "guest " + guest.name() + ": " + action.label() + " did not end within "
                    + guest.timeout().toSeconds() + "s (encap_timeout)";
        } else if (GuestTransport.unjoinable(result)) {
            failure = "guest " + guest.name() + " cannot be joined (exit " + result.exitCode() + ": agent "
                    + guest.agent() + " missing or transport down)" + (result.reason().isEmpty() ? ""
                    : ": " + GuestText.line(GuestText.bounded(result.reason(), 512)));
            if (tolerateUnjoinable) {
                engine.log(service, guest.rid(), "WARN", failure, options.output());
                return null;
            }
        } else {
            failure = "guest " + guest.name() + ": " + action.label() + " failed (exit " + result.exitCode() + ")";
        }
        engine.log(service, guest.rid(), "ERROR", failure, options.output());
        return failure;
    }

    /** The agent's command line: the action, the forwarded options, the service (options first, as the console wants). */
    static List<String> command(String agent, String service, ServiceAction action, ActionOptions options) {
        List<String> argv = new ArrayList<>(List.of(agent, "svc", action.label()));
        if (!options.rids().isEmpty()) {
            argv.addAll(List.of("--rid", String.join(",", options.rids())));
        }
        if (!options.tags().isEmpty()) {
            argv.addAll(List.of("--tags", String.join(",", options.tags())));
        }
        if (!options.subsets().isEmpty()) {
            argv.addAll(List.of("--subsets", String.join(",", options.subsets())));
        }
        if (options.force()) {
            argv.add("--force");
        }
        if (options.dryRun()) {
            argv.add("--dry-run");
        }
        if (options.disableRollback()) {
            argv.add("--disable-rollback");
        }
        argv.add(service);
        return argv;
    }
}
