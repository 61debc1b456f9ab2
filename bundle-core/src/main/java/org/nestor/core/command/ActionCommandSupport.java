package org.nestor.core.command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.Dispatch;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.command.completers.GuestNameCompleter;
import org.nestor.core.config.ValueType;

/** Base of start, stop and restart: the resource selection and the options of an action. */
public abstract class ActionCommandSupport extends ServiceCommandSupport {


    @Option(name = "--rid", description = "Resources by rid or group, comma-separated; repeatable", multiValued = true)
    List<String> rids;

    @Option(name = "--tags", description = "Resources having any of these tags, comma-separated; repeatable",
            multiValued = true)
    List<String> tags;

    @Option(name = "--subsets", description = "Resources of any of these subsets, comma-separated; repeatable",
            multiValued = true)
    List<String> subsets;

    @Option(name = "--dry-run", description = "Print what would be done, in order, and do nothing")
    boolean dryRun;

    @Option(name = "--force", description = "Act on resources already in the wanted state, and on standby ones")
    boolean force;

    @Option(name = "--disable-rollback", description = "On a failed start, leave started what was started")
    boolean disableRollback;

    @Option(name = "--lock-timeout", description = "How long to wait for the service lock (default: lock_timeout)")
    String lockTimeout;

    @Option(name = "--master", description = "Act at the hypervisor level (with --slave/--slaves: there too)")
    boolean master;

    @Option(name = "--slave", description = "Act in these guests, by container name or rid, comma-separated; "
            + "repeatable", multiValued = true)
    @Completion(GuestNameCompleter.class)
    List<String> slaves;

    @Option(name = "--slaves", description = "Act in every guest of the service")
    boolean allSlaves;

    protected abstract ServiceAction action();

    /** The engine refuses to start a failover service running on a peer (--force: when a peer cannot tell). */
    @Override
    protected void run(PrintStream out) {
        Duration timeout = lockTimeout == null ? null
                : Duration.ofSeconds((Long) ValueType.DURATION.convert(lockTimeout));
        actions.run(service, action(), new ActionOptions(words(rids), words(tags), words(subsets), dryRun, force,
                disableRollback, timeout, false, out::println, new Dispatch(master, words(slaves), allSlaves)));
    }

    static List<String> words(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
