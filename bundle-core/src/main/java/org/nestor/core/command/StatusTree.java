package org.nestor.core.command;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

/**
 * A service status as a tree, after OpenSVC's print status: the service and its overall status,
 * its aggregates, then each resource with its flags, status and label, and its log lines below.
 * Colours only when asked (a terminal).
 */
final class StatusTree {

    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";
    private static final int STATUS_WIDTH = 10;

    private StatusTree() {
    }

    static String render(ServiceStatus status, boolean colour) {
        int nameWidth = Math.max(status.service().length(),
                status.resources().keySet().stream().mapToInt(rid -> rid.length() + 6).max().orElse(0));
        nameWidth = Math.max(nameWidth, status.encap().values().stream().flatMap(g -> g.resources().keySet().stream())
                .mapToInt(rid -> rid.length() + 9).max().orElse(0));
        nameWidth = Math.max(nameWidth, "`- resources".length());
        List<String> lines = new ArrayList<>();
        lines.add(row(nameWidth, status.service(), "", paint(status.overall(), colour), ""));
        lines.add(row(nameWidth, "|- avail", "", paint(status.avail(), colour), ""));
        lines.add(row(nameWidth, "|- optional", "", paint(status.optional(), colour), ""));
        lines.add(row(nameWidth, "|- topology", "", status.topology(), ""));
        lines.add(row(nameWidth, "|- frozen", "", status.frozen() ? "frozen" : "no", ""));
        lines.add(row(nameWidth, "`- resources", "", "", ""));
        Iterator<ResourceState> resources = status.resources().values().iterator();
        while (resources.hasNext()) {
            ResourceState resource = resources.next();
            boolean last = !resources.hasNext();
            lines.add(row(nameWidth, (last ? "   `- " : "   |- ") + resource.rid(), resource.flags(),
                    paint(resource.status(), colour), resource.label()));
            String under = last ? "      " : "   |  ";
            for (String log : resource.log()) {
                lines.add(row(nameWidth, under.stripTrailing(), "", "", log));
            }
            ServiceStatus guest = status.encap().get(resource.rid());
            if (guest != null) {
                // the guest's resources, as its agent reports them, under their container
                Iterator<ResourceState> inside = guest.resources().values().iterator();
                while (inside.hasNext()) {
                    ResourceState encap = inside.next();
                    boolean lastInside = !inside.hasNext();
                    lines.add(row(nameWidth, under + (lastInside ? "`- " : "|- ") + encap.rid(), encap.flags(),
                            paint(encap.status(), colour), encap.label()));
                    for (String log : encap.log()) {
                        lines.add(row(nameWidth, (under + (lastInside ? "   " : "|  ")).stripTrailing(), "", "", log));
                    }
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String row(int nameWidth, String name, String flags, String status, String label) {
        String visibleStatus = status.replaceAll("\u001b\\[[0-9;]*m", "");
        String padding = " ".repeat(Math.max(0, STATUS_WIDTH - visibleStatus.length()));
        return (String.format("%-" + nameWidth + "s  %-8s  ", name, flags) + status + padding + "  " + label)
                .stripTrailing();
    }

    private static String paint(Status status, boolean colour) {
        String label = status.label();
        if (!colour) {
            return label;
        }
        String code = switch (status) {
            case UP, STDBY_UP, STDBY_UP_WITH_UP, STDBY_UP_WITH_DOWN -> GREEN;
            case DOWN, STDBY_DOWN -> RED;
            case WARN -> YELLOW;
            default -> "";
        };
        return code.isEmpty() ? label : code + label + RESET;
    }
}
