package org.nestor.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nestor.core.spi.ResourceException;

/** The mounts of this node as {@code /proc/self/mountinfo} tells them. */
final class Mounts {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Pattern OCTAL = Pattern.compile("\\\\([0-7]{3})");

    /** One mount: what is mounted ({@code root} of {@code source}) where, with which type. */
    record Mount(String root, String mountPoint, String type, String source) {
    }

    private Mounts() {
    }

    /** The mount on {@code mountPoint} that is seen there (the last one), or null. */
    static Mount on(Path mountPoint) throws ResourceException {
        Mount seen = null;
        for (Mount mount : all()) {
            if (mount.mountPoint().equals(mountPoint.toString())) {
                seen = mount;
            }
        }
        return seen;
    }

    static List<Mount> all() throws ResourceException {
        List<Mount> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(MOUNTINFO)) {
                String[] fields = line.split(" ");
                int separator = List.of(fields).indexOf("-");
                if (separator < 0 || separator + 2 >= fields.length) {
                    continue;
                }
                mounts.add(new Mount(unescape(fields[3]), unescape(fields[4]), fields[separator + 1],
                        unescape(fields[separator + 2])));
            }
        } catch (IOException e) {
            throw new ResourceException("cannot read " + MOUNTINFO + ": " + e.getMessage(), e);
        }
        return mounts;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    static String unescape(String field) {
        Matcher escape = OCTAL.matcher(field);
        StringBuilder text = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(text, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(
                    escape.group(1), 8))));
        }
        return escape.appendTail(text).toString();
    }
}
