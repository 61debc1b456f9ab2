package org.nestor.storage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceException;

/**
 * The LVM commands of disk.vg and disk.lv. A volume group is activated exclusively through host
 * tags: the other nodes' tags are deleted and this node's added before activation, this node's
 * removed after deactivation (with lvm.conf's volume_list / tags settings, LVM then refuses to
 * activate it elsewhere).
 */
final class Lvm {

    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Lvm() {
    }

    static List<String> tagsQuery(String vg) {
        return List.of("vgs", "--noheadings", "-o", "vg_tags", vg);
    }

    static List<String> deleteTag(String vg, String tag) {
        return List.of("vgchange", "--deltag", tag, vg);
    }

    static List<String> addTag(String vg, String tag) {
        return List.of("vgchange", "--addtag", tag, vg);
    }

    /** {@code vgchange -a y|n VG} or {@code lvchange -a y|n VG/LV}. */
    static List<String> activation(String target, boolean active) {
        return List.of(target.contains("/") ? "lvchange" : "vgchange", "-a", active ? "y" : "n", target);
    }

    /** The attributes of the logical volumes of a VG, or of one VG/LV. */
    static List<String> attributesQuery(String target) {
        return List.of("lvs", "--noheadings", "-o", "lv_attr", target);
    }

    /** The commands that make the VG this node's: other tags deleted, this node's added, activation. */
    static List<List<String>> takeOver(String vg, List<String> tags, String node) {
        List<List<String>> commands = new ArrayList<>();
        tags.stream().filter(tag -> !tag.equals(node)).forEach(tag -> commands.add(deleteTag(vg, tag)));
        if (!tags.contains(node)) {
            commands.add(addTag(vg, node));
        }
        commands.add(activation(vg, true));
        return commands;
    }

    static List<String> tags(Commands commands, String vg) throws ResourceException {
        String line = commands.check(tagsQuery(vg), TIMEOUT).stdout().strip();
        return line.isEmpty() ? List.of() : Arrays.stream(line.split(",")).map(String::strip).toList();
    }

    /** Whether every logical volume of the target is active (the 5th attribute is 'a'); null when lvs fails. */
    static Boolean allActive(Commands commands, String target) {
        CommandResult result = commands.run(attributesQuery(target), TIMEOUT);
        if (!result.succeeded()) {
            return null;
        }
        return result.stdout().lines().map(String::strip).filter(a -> !a.isEmpty())
                .allMatch(attributes -> attributes.length() > 4 && attributes.charAt(4) == 'a');
    }
}
