package org.nestor.core.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The local side of a copy into or out of a guest, as every transport needs it: the file read
 * whole, or a file replaced only once the copy succeeded (temporary file beside it, atomic rename),
 * so a failed copy leaves nothing behind.
 */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** What a copy writes into the temporary file. */
    @FunctionalInterface
    @ConsumerType
    public interface Content {
        void writeTo(Path temporary) throws IOException, ResourceException;
    }

    public static byte[] read(Path local) throws ResourceException {
        try {
            return Files.readAllBytes(local);
        } catch (IOException e) {
            throw new ResourceException("cannot read " + local + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code local} through a temporary file that replaces it only when {@code content} succeeds. */
    public static void replace(Path local, Content content) throws ResourceException {
        Path temporary = null;
        try {
            Path directory = local.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + local.getFileName(), ".tmp");
            content.writeTo(temporary);
            Files.move(temporary, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ResourceException("cannot write " + local + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a leftover temporary file is hidden and harmless
                }
            }
        }
    }
}
