package org.nestor.storage.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;

/**
 * Real loop devices and filesystems need root and the tools: a laptop without them skips, CI must
 * have them. Contexts for the storage resources, with their log lines kept.
 */
final class StorageTestSupport {

    static final String NODE = "n1";

    private StorageTestSupport() {
    }

    static void requireTools(String... programs) {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            if (!Files.isExecutable(Path.of("/usr/sbin", program)) && !Files.isExecutable(Path.of("/usr/bin", program))
                    && !Files.isExecutable(Path.of("/sbin", program))) {
                missing.add(program);
            }
        }
        if (Boolean.parseBoolean(System.getenv("CI")) && !(root && missing.isEmpty())) {
            throw new IllegalStateException("CI=true but storage tests cannot run (root: " + root + ", missing: "
                    + missing + "): .ci/run must install them");
        }
        assumeTrue(root && missing.isEmpty(), "needs root and " + missing);
    }

    /** A context for one resource, its log lines going to {@code lines}. */
    static ResourceContext context(Path base, String rid, Map<String, Object> values, List<String> lines) {
        return ResourceContext.of("st", rid, NODE, new HashMap<>(values), base.resolve("etc/nestor"),
                base.resolve("data/nestor/st"), ResourceLog.to(lines::add));
    }

    /** A sparse image file on a loop device; detach it with {@link #detach}. */
    static String attach(Path image, String size) throws ResourceException {
        Commands.local().check(List.of("truncate", "-s", size, image.toString()), Devices.QUICK);
        return Commands.local().check(List.of("losetup", "-f", "--show", image.toString()), Devices.QUICK).stdout()
                .strip();
    }

    static void detach(Path image) {
        for (String loop : Devices.loopsOf(Commands.local(), image)) {
            Commands.local().run(List.of("losetup", "-d", loop), Devices.QUICK);
        }
    }
}
