package org.nestor.core.internal.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.nestor.core.action.ServiceActions;
import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;

/**
 * The action logs of one service on several nodes as one, in time order: every line starts with
 * its time and names its node ({@code TIME node.svc.rid LEVEL message}).
 */
final class MergedLogs {

    private final Pool pool;
    private final ServiceActions actions;

    MergedLogs(Pool pool, ServiceActions actions) {
        this.pool = pool;
        this.actions = actions;
    }

    /** This node's lines and the peers', from {@code since} on (null: all); an unreachable peer is said. */
    List<String> lines(String service, List<PoolNode> peers, Instant since, Consumer<String> problems) {
        List<String> lines = new ArrayList<>(local(service));
        pool.each(peers, peer -> pool.logs(peer, service)).forEach((peer, reply) -> {
            if (reply.ok()) {
                lines.addAll(reply.value());
            } else {
                problems.accept("no log from " + peer.name() + ": " + reply.failure().getMessage());
            }
        });
        return lines.stream().filter(line -> since == null || !time(line).isBefore(since))
                .sorted(Comparator.comparing(MergedLogs::time)).toList();
    }

    private List<String> local(String service) {
        try {
            return Files.readAllLines(actions.actionLog(service), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + actions.actionLog(service) + ": " + e.getMessage(), e);
        }
    }

    /** A line's time; a line without one sorts first. */
    private static Instant time(String line) {
        int space = line.indexOf(' ');
        try {
            return Instant.parse(space < 0 ? line : line.substring(0, space));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
