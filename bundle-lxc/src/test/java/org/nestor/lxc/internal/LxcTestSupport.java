package org.nestor.lxc.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real LXC needs root and the lxc tools: a laptop without them skips, CI must have them. */
final class LxcTestSupport {

    private LxcTestSupport() {
    }

    static void requireLxc() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/lxc-start"))
                && Files.isExecutable(Path.of("/usr/share/lxc/templates/lxc-busybox"))
                && (Files.isExecutable(Path.of("/bin/busybox")) || Files.isExecutable(Path.of("/usr/bin/busybox")));
        if (Boolean.parseBoolean(System.getenv("CI")) && !(root && tools)) {
            throw new IllegalStateException("CI=true but LXC cannot run here (root: " + root + ", lxc tools and "
                    + "busybox: " + tools + "): .ci/run must install lxc and busybox-static");
        }
        assumeTrue(root && tools, "real LXC needs root, lxc and busybox-static");
    }
}
