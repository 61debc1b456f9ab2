package org.nestor.core.internal.action;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * An in-process driver of type {@code mem} for any group: its resources are entries of a shared
 * map, and every start and stop is recorded, so tests see exactly what the engine did.
 */
final class RecordingDriver implements ResourceDriver {

    /** Shared by every handle: which rids are up, and the calls in order ("start ip#1"). */
    static final class World {
        final Map<String, Boolean> up = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        /** Rids whose provisioning is missing (every resource is provisioned unless listed). */
        final Set<String> unprovisioned = ConcurrentHashMap.newKeySet();
    }

    private final String group;
    private final World world;

    RecordingDriver(String group, World world) {
        this.group = group;
        this.world = world;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String type() {
        return "mem";
    }

    @Override
    public List<Keyword> keywords() {
        return List.of(
                Keyword.of(group, "after", ValueType.LIST, "Rids to start before this one").forType("mem"),
                Keyword.of(group, "fail_start", ValueType.BOOL, "Start fails").forType("mem").withDefault("false"),
                Keyword.of(group, "fail_stop", ValueType.BOOL, "Stop fails").forType("mem").withDefault("false"));
    }

    @Override
    public Resource create(ResourceContext context) {
        String rid = context.rid();
        return new Resource() {
            @Override
            public void start() throws ResourceException {
                world.calls.add("start " + rid);
                if (Boolean.TRUE.equals(context.value("fail_start"))) {
                    throw new ResourceException("refused to start");
                }
                world.up.put(rid, true);
            }

            @Override
            public void stop() throws ResourceException {
                world.calls.add("stop " + rid);
                if (Boolean.TRUE.equals(context.value("fail_stop"))) {
                    throw new ResourceException("refused to stop");
                }
                world.up.put(rid, false);
            }

            @Override
            public ResourceStatus status() {
                return ResourceStatus.of(world.up.getOrDefault(rid, false) ? Status.UP : Status.DOWN);
            }

            @Override
            public String label() {
                return "mem " + rid;
            }

            @Override
            public Boolean provisioned() {
                return !world.unprovisioned.contains(rid);
            }

            @Override
            public void provision() {
                world.calls.add("provision " + rid);
                world.unprovisioned.remove(rid);
            }

            @Override
            public void unprovision() {
                world.calls.add("unprovision " + rid);
                world.unprovisioned.add(rid);
            }

            @Override
            public List<String> dependencies() {
                return context.list("after");
            }
        };
    }
}
