package org.nestor.libvirt.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the tests need of the machine. A laptop without it skips; under CI=true a missing
 * component is a failure, since .ci/run installs them.
 */
final class Components {

    private Components() {
    }

    static void require(String what, boolean present, String install) {
        if (Boolean.parseBoolean(System.getenv("CI")) && !present) {
            throw new IllegalStateException("CI=true but " + what + " is missing: .ci/run must install " + install);
        }
        assumeTrue(present, what + " is missing (" + install + ")");
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean libvirt() {
        return Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")
                .anyMatch(directory -> Files.exists(Path.of(directory, "libvirt.so.0")));
    }

    static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }
}
