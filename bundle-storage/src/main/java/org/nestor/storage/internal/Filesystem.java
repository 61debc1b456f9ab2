package org.nestor.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.status.Status;

/**
 * A filesystem mounted on its mount point: checked first where the type has a fsck, never mounted
 * over a directory that holds files (an unexpected mount point), unmounted on stop (its holders
 * killed when kill_holders says so, else named). Provision makes the filesystem on a device that
 * has none.
 */
final class Filesystem implements Resource {

    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration MOUNT_TIMEOUT = Duration.ofMinutes(2);
    /** e2fsck -p: 0 clean, 1 errors corrected; anything above needs a human. */
    private static final int CORRECTED = 1;

    private final ResourceContext context;
    private final FsType fsType;
    private final String dev;
    private final Path mnt;
    private final String options;
    private final boolean killHolders;

    Filesystem(ResourceContext context, FsType fsType) throws ResourceException {
        this.context = context;
        this.fsType = fsType;
        this.dev = fsType == FsType.TMPFS ? "tmpfs" : StorageKeywords.required(context, "dev");
        this.mnt = Path.of(StorageKeywords.required(context, "mnt")).normalize();
        if (!mnt.isAbsolute()) {
            throw new ResourceException("mnt: " + mnt + " is not an absolute path");
        }
        this.options = context.string("mnt_opt");
        this.killHolders = Boolean.TRUE.equals(context.value("kill_holders"));
    }

    @Override
    public String label() {
        return dev + " on " + mnt + " (" + fsType.type() + ")";
    }

    /**
     * Whether the mount on mnt is this resource's: the same device, a tmpfs; for a bind mount any
     * (mountinfo names the bound directory relative to its own filesystem only).
     */
    private boolean ours(Mounts.Mount mount) throws ResourceException {
        return switch (fsType) {
            case TMPFS -> mount.type().equals("tmpfs");
            case BIND -> true;
            default -> Path.of(mount.source()).equals(Devices.block(context.commands(), dev));
        };
    }

    @Override
    public void start() throws ResourceException {
        Mounts.Mount mounted = Mounts.on(mnt);
        if (mounted != null) {
            if (!ours(mounted)) {
                throw new ResourceException("mnt: " + mnt + " is mounted from " + mounted.source() + ", not " + dev);
            }
            context.log().info(mnt + " already mounted");
            return;
        }
        requireEmptyMountPoint();
        String device = fsType.onDevice() ? Devices.block(context.commands(), dev).toString() : dev;
        if (!fsType.check.isEmpty()) {
            check(device);
        }
        List<String> mount = new ArrayList<>(List.of("mount"));
        if (fsType == FsType.BIND) {
            mount.add("--bind");
        } else {
            mount.addAll(List.of("-t", fsType.type()));
        }
        if (options != null && !options.isBlank() && fsType != FsType.BIND) {
            mount.addAll(List.of("-o", options.strip()));
        }
        mount.addAll(List.of(device, mnt.toString()));
        run(mount, MOUNT_TIMEOUT);
        if (fsType == FsType.BIND && options != null && !options.isBlank()) {
            // a bind mount takes its options on a remount
            run(List.of("mount", "-o", "remount,bind," + options.strip(), mnt.toString()), MOUNT_TIMEOUT);
        }
    }

    /** Made when missing; refused when it holds files: mounting there would hide them. */
    private void requireEmptyMountPoint() throws ResourceException {
        try {
            Files.createDirectories(mnt);
            try (Stream<Path> entries = Files.list(mnt)) {
                List<String> names = entries.limit(3).map(p -> p.getFileName().toString()).toList();
                if (!names.isEmpty()) {
                    throw new ResourceException("mnt: " + mnt + " is not mounted and not empty (" + String.join(", ",
                            names) + "...): refusing to mount over an unexpected mount point");
                }
            }
        } catch (IOException e) {
            throw new ResourceException("mnt: cannot prepare " + mnt + ": " + e.getMessage(), e);
        }
    }

    private void check(String device) throws ResourceException {
        List<String> argv = new ArrayList<>(fsType.check);
        argv.add(device);
        context.log().info(String.join(" ", argv));
        CommandResult checked = context.commands().run(argv, CHECK_TIMEOUT);
        if (checked.timedOut() || checked.exitCode() < 0 || checked.exitCode() > CORRECTED) {
            throw new ResourceException(String.join(" ", argv) + " found what it cannot repair alone (exit "
                    + checked.exitCode() + "): " + checked.reason() + "; not mounted");
        }
    }

    @Override
    public void stop() throws ResourceException {
        if (Mounts.on(mnt) == null) {
            context.log().info(mnt + " not mounted");
            return;
        }
        context.log().info("umount " + mnt);
        CommandResult unmounted = context.commands().run(List.of("umount", mnt.toString()), MOUNT_TIMEOUT);
        if (unmounted.succeeded()) {
            return;
        }
        String holders = context.commands().run(List.of("fuser", "-m", mnt.toString()), Devices.QUICK)
                .stdout().strip();
        if (!killHolders) {
            throw new ResourceException("umount " + mnt + " failed: " + unmounted.reason() + (holders.isEmpty() ? ""
                    : " (held by pids " + holders + "; kill_holders = true kills them on stop)"));
        }
        context.log().warn("killing the holders of " + mnt + ": pids " + holders);
        context.commands().run(List.of("fuser", "-k", "-KILL", "-m", mnt.toString()), Devices.QUICK);
        run(List.of("umount", mnt.toString()), MOUNT_TIMEOUT);
    }

    @Override
    public ResourceStatus status() {
        try {
            Mounts.Mount mounted = Mounts.on(mnt);
            if (mounted == null) {
                return new ResourceStatus(Status.DOWN, List.of());
            }
            return ours(mounted) ? new ResourceStatus(Status.UP, List.of())
                    : new ResourceStatus(Status.WARN, List.of("warn: " + mnt + " is mounted from " + mounted.source()));
        } catch (ResourceException e) {
            return new ResourceStatus(Status.DOWN, List.of("warn: " + e.getMessage()));
        }
    }

    @Override
    public Boolean provisioned() {
        if (!fsType.onDevice()) {
            return Files.isDirectory(mnt);
        }
        try {
            return fsType.type().equals(filesystemOn(Devices.block(context.commands(), dev).toString()));
        } catch (ResourceException e) {
            return null;
        }
    }

    /** The filesystem type blkid finds on the device, or null for none. */
    private String filesystemOn(String device) {
        String found = context.commands().run(List.of("blkid", "-p", "-o", "value", "-s", "TYPE", device),
                Devices.QUICK).stdout().strip();
        return found.isEmpty() ? null : found;
    }

    /** Makes the filesystem on a device that has none (never over another one), and the mount point. */
    @Override
    public void provision() throws ResourceException {
        if (fsType.onDevice()) {
            String device = Devices.block(context.commands(), dev).toString();
            String found = filesystemOn(device);
            if (found != null && !found.equals(fsType.type())) {
                throw new ResourceException("dev: " + device + " holds a " + found + " filesystem, not " + fsType.type()
                        + ": not formatted");
            }
            if (found == null) {
                List<String> argv = new ArrayList<>(fsType.make);
                argv.add(device);
                run(argv, CHECK_TIMEOUT);
            }
        }
        try {
            Files.createDirectories(mnt);
        } catch (IOException e) {
            throw new ResourceException("mnt: cannot make " + mnt + ": " + e.getMessage(), e);
        }
    }

    private void run(List<String> argv, Duration timeout) throws ResourceException {
        context.log().info(String.join(" ", argv));
        context.commands().check(argv, timeout);
    }
}
