package org.nestor.core.action;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How an action runs.
 *
 * @param rids            resources to act on, by rid or by group ({@code fs}); empty for all
 * @param tags            resources having any of these tags; empty for all
 * @param subsets         resources of any of these subsets; empty for all
 * @param dryRun          print the plan, change nothing
 * @param force           act even where the engine would skip (a resource already up is started again,
 *                        standby resources are stopped)
 * @param disableRollback leave what a failed start started
 * @param lockTimeout     how long to wait for the service lock; null for the service's {@code lock_timeout}
 * @param orchestrated    the action comes from the pool's orchestration, which a frozen service refuses
 * @param output          receives the progress lines as they are logged
 * @param dispatch        hypervisor level and guests to act on, for services with encapsulated resources
 */
public record ActionOptions(List<String> rids, List<String> tags, List<String> subsets, boolean dryRun,
                            boolean force, boolean disableRollback, Duration lockTimeout, boolean orchestrated,
                            Consumer<String> output, Dispatch dispatch) {

    public ActionOptions {
        rids = List.copyOf(rids);
        tags = List.copyOf(tags);
        subsets = List.copyOf(subsets);
        dispatch = dispatch == null ? Dispatch.DEFAULT : dispatch;
    }

    /** Options without a dispatch: the action's default levels. */
    public ActionOptions(List<String> rids, List<String> tags, List<String> subsets, boolean dryRun, boolean force,
                         boolean disableRollback, Duration lockTimeout, boolean orchestrated,
                         Consumer<String> output) {
        this(rids, tags, subsets, dryRun, force, disableRollback, lockTimeout, orchestrated, output,
                Dispatch.DEFAULT);
    }

    /** Every resource, no dry run, the service's lock timeout, progress to {@code output}. */
    public static ActionOptions all(Consumer<String> output) {
        return new ActionOptions(List.of(), List.of(), List.of(), false, false, false, null, false, output);
    }

    public boolean selectsAll() {
        return rids.isEmpty() && tags.isEmpty() && subsets.isEmpty();
    }
}
