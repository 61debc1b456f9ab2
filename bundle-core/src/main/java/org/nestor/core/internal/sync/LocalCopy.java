package org.nestor.core.internal.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.nestor.core.store.ServiceStore;
import org.nestor.core.store.StoreException;
import org.nestor.core.sync.ConfigVersion;

/** This node's copy of a service's configuration, as it is compared with the others'. */
public final class LocalCopy {

    private LocalCopy() {
    }

    /** A stored service's version (whole seconds) and the SHA-256 of its file. */
    public static ConfigVersion version(ServiceStore store, String service) {
        Path file = store.file(service);
        try {
            return new ConfigVersion(Files.getLastModifiedTime(file).to(TimeUnit.SECONDS), checksum(
                    Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 in hex: what {@code sha256sum} prints, so that a guest's copy is compared by the same rule. */
    public static String checksum(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
