package org.nestor.storage.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.nestor.core.spi.Ownership;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * An image file on a loop device: attached on start, detached on stop, up while attached.
 * Provision creates the sparse file when it is missing; unprovision deletes only a file this
 * service created.
 */
final class LoopDisk implements Resource {

    private static final String KIND = "loop";

    private final ResourceContext context;
    private final Path file;

    LoopDisk(ResourceContext context) throws ResourceException {
        this.context = context;
        this.file = Path.of(StorageKeywords.required(context, "file"));
        if (!file.isAbsolute()) {
            throw new ResourceException("file: " + file + " is not an absolute path");
        }
    }

    @Override
    public String label() {
        List<String> loops = Devices.loopsOf(context.commands(), file);
        return file + (loops.isEmpty() ? "" : " on " + String.join(", ", loops));
    }

    @Override
    public void start() throws ResourceException {
        List<String> loops = Devices.loopsOf(context.commands(), file);
        if (!loops.isEmpty()) {
            context.log().info(file + " already on " + loops.get(0));
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new ResourceException("file: " + file + " does not exist (svc provision creates it, given a size)");
        }
        String device = context.commands().check(List.of("losetup", "-f", "--show", file.toString()), Devices.QUICK)
                .stdout().strip();
        context.log().info("losetup: " + file + " on " + device);
    }

    @Override
    public void stop() throws ResourceException {
        for (String loop : Devices.loopsOf(context.commands(), file)) {
            context.log().info("losetup -d " + loop);
            context.commands().check(List.of("losetup", "-d", loop), Devices.QUICK);
        }
    }

    @Override
    public ResourceStatus status() {
        return new ResourceStatus(Devices.loopsOf(context.commands(), file).isEmpty() ? Status.DOWN : Status.UP,
                List.of());
    }

    @Override
    public Boolean provisioned() {
        return Files.isRegularFile(file);
    }

    @Override
    public void provision() throws ResourceException {
        if (Files.exists(file)) {
            context.log().info(file + " exists");
            return;
        }
        Object size = context.value("size");
        if (!(size instanceof Long bytes) || bytes <= 0) {
            throw new ResourceException("size is required to create " + file);
        }
        try {
            Files.createDirectories(file.getParent());
            try (RandomAccessFile image = new RandomAccessFile(file.toFile(), "rw")) {
                image.setLength(bytes);
            }
        } catch (IOException e) {
            throw new ResourceException("cannot create " + file + ": " + e.getMessage(), e);
        }
        Ownership.claim(context, KIND, file.getFileName().toString(), file.toString());
        context.log().info("created " + file + " (" + bytes + " bytes, sparse)");
    }

    @Override
    public void unprovision() throws ResourceException {
        Ownership.require(context, KIND, file.getFileName().toString(), "deleting");
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ResourceException("cannot delete " + file + ": " + e.getMessage(), e);
        }
        Ownership.release(context, KIND, file.getFileName().toString());
        context.log().info("deleted " + file);
    }
}
