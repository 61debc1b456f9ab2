package org.nestor.core.sync;

/**
 * One copy of a service's configuration, as every party compares them: two copies are the same
 * when their checksums are; otherwise the newer one wins.
 *
 * @param version  its file's modification time, in whole seconds
 * @param checksum SHA-256 of its file, in hex
 */
public record ConfigVersion(long version, String checksum) {

    /** Whether this copy is another edit than {@code other} (null: none) and newer than it. */
    public boolean newerThan(ConfigVersion other) {
        return other == null || !checksum.equals(other.checksum) && version > other.version;
    }
}
