package org.nestor.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceException;

/** Loop devices of image files, and the path of a device as the kernel names it. */
final class Devices {

    static final Duration QUICK = Duration.ofSeconds(30);

    private Devices() {
    }

    /** The loop devices the file is attached to ({@code losetup -j}), in the kernel's order. */
    static List<String> loopsOf(Commands commands, Path file) {
        CommandResult result = commands.run(List.of("losetup", "-j", file.toString()), QUICK);
        return result.stdout().lines().filter(line -> line.contains(":")).map(line -> line.substring(0,
                line.indexOf(':'))).toList();
    }

    /**
     * The block device {@code dev} names: itself (symbolic links resolved), or for an image file
     * the loop device attached to it.
     *
     * @throws ResourceException naming the keyword when there is none
     */
    static Path block(Commands commands, String dev) throws ResourceException {
        Path path = Path.of(dev);
        if (Files.isRegularFile(path)) {
            List<String> loops = loopsOf(commands, path);
            if (loops.isEmpty()) {
                throw new ResourceException("dev: " + dev + " is a file with no loop device attached (a disk.loop "
                        + "resource attaches it)");
            }
            return Path.of(loops.get(0));
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new ResourceException("dev: no device " + dev);
        }
    }
}
