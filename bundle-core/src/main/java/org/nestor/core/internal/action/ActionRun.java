package org.nestor.core.internal.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.internal.process.LocalCommands;
import org.nestor.core.spi.ArgumentVector;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.Status;

/**
 * One action on the selected resources of a service. Start goes in group order, a resource after
 * those it depends on; stop goes the other way and then starts the standby resources. Triggers
 * run around each resource's action; a failed start rolls back what this action started.
 */
final class ActionRun {

    private static final Duration DEFAULT_TRIGGER_TIMEOUT = Duration.ofSeconds(60);

    /** A resource and its handle, or why no handle could be made. */
    private record Step(PlannedResource resource, Resource handle, String problem) {
    }

    private final ServiceModel model;
    private final ActionOptions options;
    private final ActionLog log;

    ActionRun(ServiceModel model, ActionOptions options, ActionLog log) {
        this.model = model;
        this.options = options;
        this.log = log;
    }

    /** A handle for a resource, or the reason none can be made (no driver, bad keyword value). */
    static Resource handle(ServiceModel model, PlannedResource resource, ResourceLog resourceLog)
            throws ResourceException {
        if (resource.driver() == null) {
            throw new ResourceException("no driver for type " + resource.type() + " is installed");
        }
        return resource.driver().create(ResourceContext.of(model.service, resource.rid(),
                model.evaluation.context().nodename(), resource.values(), model.configDirectory, model.dataDirectory,
                resourceLog, new ResourceContext.ServiceScope() {
                    @Override
                    public Resource resource(String rid) throws ResourceException {
                        return handle(model, model.resource(rid), resourceLog);
                    }

                    @Override
                    public List<String> nodeList(String name) {
                        return model.nodeList(name);
                    }
                }));
    }

    void run(ServiceAction action, List<PlannedResource> selected) {
        log.info(null, action.label() + " on " + (options.selectsAll() ? "all resources"
                : selected.stream().map(PlannedResource::rid).collect(Collectors.joining(", "))));
        List<Step> steps = order(selected.stream().map(this::step).toList());
        switch (action) {
            case START -> start(steps, true);
            case STOP -> stop(steps);
            case RESTART -> {
                stop(steps);
                start(steps, true);
            }
            case PROVISION -> provision(steps);
            case UNPROVISION -> unprovision(steps);
            case SYNC -> sync(steps);
        }
        log.info(null, action.label() + " done");
    }

    /** Dry run: what would be done, in order. */
    void plan(ServiceAction action, List<PlannedResource> selected) {
        List<Step> steps = order(selected.stream().map(this::step).toList());
        List<Step> reversed = new ArrayList<>(steps);
        Collections.reverse(reversed);
        List<String> lines = new ArrayList<>();
        if (action == ServiceAction.SYNC) {
            syncing(steps).forEach(s -> lines.add(planLine(s, action.label())));
            lines.forEach(line -> options.output().accept("dry-run: " + line));
            return;
        }
        if (action == ServiceAction.PROVISION || action == ServiceAction.UNPROVISION) {
            boolean provision = action == ServiceAction.PROVISION;
            (provision ? steps : reversed).forEach(s -> {
                lines.add(planLine(s, action.label()));
                if (provision && s.problem() == null && !s.resource().disabled()) {
                    lines.add(planLine(s, "start"));
                }
            });
            lines.forEach(line -> options.output().accept("dry-run: " + line));
            return;
        }
        if (action != ServiceAction.START) {
            reversed.forEach(s -> plan(lines, s, "stop", s.resource().standby() && !options.force()));
            steps.stream().filter(s -> s.resource().standby() && !options.force() && action == ServiceAction.STOP)
                    .forEach(s -> plan(lines, s, "start (standby)", false));
        }
        if (action != ServiceAction.STOP) {
            steps.forEach(s -> plan(lines, s, "start", false));
        }
        lines.forEach(line -> options.output().accept("dry-run: " + line));
    }

    private static String planLine(Step step, String verb) {
        PlannedResource resource = step.resource();
        String what = resource.rid() + " (" + (step.handle() != null ? step.handle().label() : resource.type()) + ")";
        if (resource.disabled()) {
            return "skip " + what + ": disabled";
        }
        return step.problem() != null ? "cannot " + verb + " " + what + ": " + step.problem() : verb + " " + what;
    }

    /** One resource's part of the plan: its pre_ triggers, the action itself, its post_ triggers. */
    private void plan(List<String> lines, Step step, String verb, boolean kept) {
        PlannedResource resource = step.resource();
        if (kept && !resource.disabled()) {
            lines.add("keep " + resource.rid() + " (" + (step.handle() != null ? step.handle().label()
                    : resource.type()) + ") up: standby");
        } else if (resource.disabled() || step.problem() != null) {
            lines.add(planLine(step, verb));
        } else {
            String triggerSuffix = verb.startsWith("start") ? "start" : "stop";
            planTriggers(lines, resource, "pre_" + triggerSuffix);
            lines.add(planLine(step, verb));
            planTriggers(lines, resource, "post_" + triggerSuffix);
        }
    }

    private static void planTriggers(List<String> lines, PlannedResource resource, String when) {
        triggerKeywords(resource, when).forEach(keyword ->
                lines.add("run " + resource.rid() + " " + keyword + " (" + resource.values().get(keyword) + ")"));
    }

    private Step step(PlannedResource resource) {
        try {
            return new Step(resource, handle(model, resource, log == null ? ResourceLog.SILENT
                    : log.forResource(resource.rid())), null);
        } catch (ResourceException e) {
            return new Step(resource, null, e.getMessage());
        }
    }

    /**
     * Start order: the given (group) order, except that a resource waits for the selected
     * resources it depends on.
     */
    private List<Step> order(List<Step> steps) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.put(steps.get(i).resource().rid(), i);
        }
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        int[] waiting = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            for (String dependency : step.handle() == null ? List.<String>of() : step.handle().dependencies()) {
                Integer before = index.get(dependency);
                if (before != null) {
                    dependents.computeIfAbsent(before, b -> new ArrayList<>()).add(i);
                    waiting[i]++;
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.naturalOrder());
        for (int i = 0; i < steps.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Step> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(steps.get(next));
            for (int dependent : dependents.getOrDefault(next, List.of())) {
                if (--waiting[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() < steps.size()) {
            throw new ActionException("dependency cycle between " + steps.stream().filter(s -> !ordered.contains(s))
                    .map(s -> s.resource().rid()).collect(Collectors.joining(", ")));
        }
        return ordered;
    }

    /** Starts in order; on a failure of a non-optional resource, rolls back when asked to. */
    private void start(List<Step> steps, boolean rollback) {
        List<Step> started = new ArrayList<>();
        for (Step step : steps) {
            PlannedResource resource = step.resource();
            if (resource.disabled()) {
                log.info(resource.rid(), "disabled: skipped");
                continue;
            }
            try {
                if (startOne(step)) {
                    started.add(step);
                }
            } catch (ResourceException e) {
                if (resource.optional()) {
                    log.warn(resource.rid(), "start failed, optional: " + e.getMessage());
                    continue;
                }
                log.error(resource.rid(), "start failed: " + e.getMessage());
                if (rollback && !options.disableRollback()) {
                    rollBack(started);
                } else if (!started.isEmpty()) {
                    log.warn(null, "no rollback: left started " + rids(started));
                }
                throw new ActionException(model.service + " " + resource.rid() + ": start failed: " + e.getMessage());
            }
        }
    }

    /** @return whether this call started it (false when it was up already) */
    private boolean startOne(Step step) throws ResourceException {
        return act(step, "start", !require(step).status().status().isUp());
    }

    /**
     * Runs the pre_ triggers, the action when needed (or forced), then the post_ triggers.
     * @return whether the action ran
     */
    private boolean act(Step step, String verb, boolean needed) throws ResourceException {
        Resource handle = require(step);
        triggers(step, "pre_" + verb);
        boolean run = options.force() || needed;
        if (run) {
            if (verb.equals("start")) {
                handle.start();
            } else {
                handle.stop();
            }
            log.info(step.resource().rid(), verb.equals("start") ? "started" : "stopped");
        } else {
            log.info(step.resource().rid(), verb.equals("start") ? "already up" : "already down");
        }
        triggers(step, "post_" + verb);
        return run;
    }

    /**
     * Provisions in start order what is not provisioned yet, starting each resource once it is, as
     * the next may need it (a filesystem is made on a disk that is attached): the service ends up
     * started. The first failure ends the action.
     */
    private void provision(List<Step> steps) {
        eachEnabled(steps, "provision", (step, handle) -> {
            if (Boolean.TRUE.equals(handle.provisioned()) && !options.force()) {
                log.info(step.resource().rid(), "already provisioned");
            } else {
                handle.provision();
                log.info(step.resource().rid(), "provisioned");
            }
            startOne(step);
        });
    }

    /** The sync resources among the steps: the only ones with data to replicate. */
    private static List<Step> syncing(List<Step> steps) {
        return steps.stream().filter(s -> s.resource().group().equals("sync")).toList();
    }

    /** Replicates each selected sync resource's data in order; the first failure ends the action. */
    private void sync(List<Step> steps) {
        List<Step> syncs = syncing(steps);
        if (syncs.isEmpty()) {
            log.info(null, "no sync resource selected: nothing to replicate");
        }
        eachEnabled(syncs, "sync", (step, handle) -> {
            handle.sync();
            log.info(step.resource().rid(), "synced");
        });
    }

    /** Stops everything selected (standby resources too), then unprovisions in stop order. */
    private void unprovision(List<Step> steps) {
        List<Step> reversed = new ArrayList<>(steps);
        Collections.reverse(reversed);
        eachEnabled(reversed, "unprovision", (step, handle) -> {
            if (handle.status().status() != Status.DOWN) {
                act(step, "stop", true);
            }
            if (Boolean.FALSE.equals(handle.provisioned()) && !options.force()) {
                log.info(step.resource().rid(), "not provisioned");
                return;
            }
            handle.unprovision();
            log.info(step.resource().rid(), "unprovisioned");
        });
    }

    /** What an action does to one resource. */
    private interface ResourceWork {
        void apply(Step step, Resource handle) throws ResourceException;
    }

    /** Applies the work to each step in order, disabled ones skipped; the first failure ends the action. */
    private void eachEnabled(List<Step> steps, String verb, ResourceWork work) {
        for (Step step : steps) {
            PlannedResource resource = step.resource();
            if (resource.disabled()) {
                log.info(resource.rid(), "disabled: skipped");
                continue;
            }
            try {
                work.apply(step, require(step));
            } catch (ResourceException e) {
                log.error(resource.rid(), verb + " failed: " + e.getMessage());
                throw new ActionException(model.service + " " + resource.rid() + ": " + verb + " failed: "
                        + e.getMessage());
            }
        }
    }

    private void rollBack(List<Step> started) {
        if (started.isEmpty()) {
            return;
        }
        log.warn(null, "rollback: stopping " + rids(started));
        for (int i = started.size() - 1; i >= 0; i--) {
            Step step = started.get(i);
            try {
                step.handle().stop();
                log.info(step.resource().rid(), "rolled back");
            } catch (ResourceException e) {
                log.error(step.resource().rid(), "rollback failed: " + e.getMessage());
            }
        }
    }

    /** Stops in reverse order (standby resources stay up), then starts the standby resources. */
    private void stop(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            PlannedResource resource = step.resource();
            if (resource.disabled()) {
                log.info(resource.rid(), "disabled: skipped");
                continue;
            }
            if (resource.standby() && !options.force()) {
                log.info(resource.rid(), "standby: left up");
                continue;
            }
            try {
                stopOne(step);
            } catch (ResourceException e) {
                if (resource.optional()) {
                    log.warn(resource.rid(), "stop failed, optional: " + e.getMessage());
                    continue;
                }
                log.error(resource.rid(), "stop failed: " + e.getMessage());
                throw new ActionException(model.service + " " + resource.rid() + ": stop failed: " + e.getMessage());
            }
        }
        if (!options.force()) {
            start(steps.stream().filter(s -> s.resource().standby()).toList(), false);
        }
    }

    private void stopOne(Step step) throws ResourceException {
        act(step, "stop", require(step).status().status() != Status.DOWN);
    }

    private static Resource require(Step step) throws ResourceException {
        if (step.handle() == null) {
            throw new ResourceException(step.problem());
        }
        return step.handle();
    }

    /** The trigger keywords of a moment ("pre_start"...) that the resource sets, blocking one first. */
    private static List<String> triggerKeywords(PlannedResource resource, String when) {
        return Stream.of("blocking_" + when, when).filter(keyword -> {
            Object value = resource.values().get(keyword);
            return value != null && !value.toString().isBlank();
        }).toList();
    }

    private void triggers(Step step, String when) throws ResourceException {
        for (String keyword : triggerKeywords(step.resource(), when)) {
            trigger(step, keyword);
        }
    }

    /** Runs a trigger keyword's argument vector; a blocking_ trigger's failure fails the resource's action. */
    private void trigger(Step step, String keyword) throws ResourceException {
        PlannedResource resource = step.resource();
        Object value = resource.values().get(keyword);
        List<String> argv;
        try {
            argv = ArgumentVector.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new ResourceException(keyword + ": " + e.getMessage());
        }
        log.info(resource.rid(), keyword + ": " + String.join(" ", argv));
        Object timeout = resource.values().get("timeout");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NESTOR_SERVICE", model.service);
        environment.put("NESTOR_RID", resource.rid());
        environment.put("NESTOR_NODE", model.evaluation.context().nodename());
        CommandResult result = LocalCommands.INSTANCE.run(argv, timeout instanceof Long seconds
                ? Duration.ofSeconds(seconds) : DEFAULT_TRIGGER_TIMEOUT, null, environment, null);
        result.stdout().lines().filter(line -> !line.isBlank()).forEach(line -> log.info(resource.rid(), line));
        result.stderr().lines().filter(line -> !line.isBlank()).forEach(line -> log.warn(resource.rid(), line));
        if (!result.succeeded()) {
            String failure = keyword + (result.timedOut() ? " timed out" : " exited " + result.exitCode()
                    + (result.reason().isEmpty() ? "" : ": " + result.reason()));
            if (keyword.startsWith("blocking_")) {
                throw new ResourceException(failure);
            }
            log.warn(resource.rid(), failure);
        }
    }

    private static String rids(List<Step> steps) {
        return steps.stream().map(s -> s.resource().rid()).collect(Collectors.joining(", "));
    }
}
