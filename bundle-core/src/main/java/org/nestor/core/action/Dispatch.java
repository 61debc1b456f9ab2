package org.nestor.core.action;

import java.util.List;

/**
 * Where an action on a service with encapsulated resources goes: the hypervisor level
 * ({@code --master}), some guests ({@code --slave NAME}, by container name or rid) or all of them
 * ({@code --slaves}). Nothing given means the action's default (both for start, stop...).
 *
 * @param master    the hypervisor level was asked for
 * @param slaves    guests asked for by name or rid
 * @param allSlaves every guest was asked for
 */
public record Dispatch(boolean master, List<String> slaves, boolean allSlaves) {

    /** Nothing asked: the action's default. */
    public static final Dispatch DEFAULT = new Dispatch(false, List.of(), false);

    public Dispatch {
        slaves = List.copyOf(slaves);
    }

    public boolean specified() {
        return master || allSlaves || !slaves.isEmpty();
    }

    public boolean anySlave() {
        return allSlaves || !slaves.isEmpty();
    }
}
