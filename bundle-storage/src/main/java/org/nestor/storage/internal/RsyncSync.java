package org.nestor.storage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.nestor.core.pool.Pool;
import org.nestor.core.pool.PoolNode;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;

/** rsync -a --delete of src to dst on each target node; start and stop leave data alone. */
final class RsyncSync extends SyncResource {

    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(6);

    private final List<String> sources;
    private final String destination;
    private final List<String> options;

    RsyncSync(ResourceContext context, Pool pool) throws ResourceException {
        super(context, pool);
        this.sources = context.list("src");
        if (sources.isEmpty()) {
            throw new ResourceException("src is required");
        }
        this.destination = StorageKeywords.required(context, "dst");
        List<String> extra = context.argv("options");
        this.options = extra == null ? List.of() : extra;
    }

    @Override
    public String label() {
        return String.join(" ", sources) + " to " + destination + " on " + String.join(" ", targets.names());
    }

    @Override
    public void sync() throws ResourceException {
        targets.each(this::send);
    }

    private void send(PoolNode peer) throws ResourceException {
        List<String> argv = new ArrayList<>(List.of("rsync", "-a", "--delete"));
        argv.addAll(options);
        argv.addAll(List.of("-e", targets.sshLine(peer)));
        argv.addAll(sources);
        argv.add(peer.host() + ":" + destination);
        context.log().info(String.join(" ", argv));
        context.commands().check(argv, TRANSFER_TIMEOUT);
    }
}
