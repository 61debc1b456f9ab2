package org.nestor.core.action;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A move of a service: stopped where it runs, then started on the target; the order every
 * relocation follows, between nodes (the pool) as between guests (encapsulation).
 *
 * @param sources where it runs now (nodes or guests)
 */
public record Relocation(String service, List<String> sources, String target) {

    public Relocation {
        sources = List.copyOf(sources);
    }

    /**
     * @param act runs an action on the service at one place
     * @throws ActionException saying what was stopped and what to check when a step fails; the
     *                         service is never started again elsewhere
     */
    public void run(BiConsumer<String, ServiceAction> act, Consumer<String> output) {
        for (String source : sources) {
            output.accept("stopping " + service + " on " + source);
            try {
                act.accept(source, ServiceAction.STOP);
            } catch (RuntimeException e) {
                throw new ActionException("switch of " + service + " stopped: its stop on " + source + " failed ("
                        + e.getMessage() + "); it was not started on " + target, e);
            }
        }
        output.accept("starting " + service + " on " + target);
        try {
            act.accept(target, ServiceAction.START);
        } catch (RuntimeException e) {
            throw new ActionException("switch of " + service + " failed: " + (sources.isEmpty() ? ""
                    : "stopped on " + String.join(", ", sources) + ", ") + "its start on " + target + " failed ("
                    + e.getMessage() + "). It was not started again elsewhere, since " + target + " may run part of "
                    + "it: check there (svc print-status " + service + "), then svc start " + service
                    + " on the node of your choice", e);
        }
    }
}
