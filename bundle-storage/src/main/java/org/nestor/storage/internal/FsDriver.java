package org.nestor.storage.internal;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;

/** {@code fs.<type>}: a mount; one driver service per filesystem type, sharing everything else. */
public abstract class FsDriver implements ResourceDriver {

    private final FsType fsType;
    private final List<Keyword> keywords;

    FsDriver(FsType fsType) {
        this.fsType = fsType;
        String type = fsType.type();
        this.keywords = List.of(
                StorageKeywords.of("fs", type, "dev", ValueType.STRING, fsType == FsType.BIND
                        ? "The directory to bind" : fsType == FsType.TMPFS ? "Ignored (tmpfs)"
                        : "The block device, or an image file attached by a disk.loop resource"),
                StorageKeywords.of("fs", type, "mnt", ValueType.STRING, "The mount point (absolute; made when missing)"),
                StorageKeywords.of("fs", type, "mnt_opt", ValueType.STRING, "Mount options (mount -o)"),
                StorageKeywords.of("fs", type, "kill_holders", ValueType.BOOL, "On stop, kill the processes that "
                        + "keep the mount busy (fuser -k) instead of failing").withDefault("false"));
    }

    @Override
    public String group() {
        return "fs";
    }

    @Override
    public String type() {
        return fsType.type();
    }

    @Override
    public List<Keyword> keywords() {
        return keywords;
    }

    @Override
    public Resource create(ResourceContext context) throws ResourceException {
        return new Filesystem(context, fsType);
    }
}
