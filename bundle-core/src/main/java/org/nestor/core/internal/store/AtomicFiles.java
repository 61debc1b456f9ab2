package org.nestor.core.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes that leave either the old or the new file, never a torn one: {@link #write} also survives
 * a crash (fsync of the file and of its directory), {@link #replace} is for caches that may be lost.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces the file durably: configuration, what must survive a crash. */
    public static void write(Path target, String content) throws IOException {
        writeAtomically(target, content, true);
    }

    /** Replaces the file atomically without waiting for the disk: a cache rebuilt when lost. */
    public static void replace(Path target, String content) throws IOException {
        writeAtomically(target, content, false);
    }

    private static void writeAtomically(Path target, String content, boolean durable) throws IOException {
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (durable) {
                syncDirectory(directory);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes a rename or an unlink in the directory durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
