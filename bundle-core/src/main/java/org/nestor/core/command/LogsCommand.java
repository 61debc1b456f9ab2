package org.nestor.core.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "svc", name = "logs", description = "Prints a service's action log (TIME node.svc.rid LEVEL "
        + "message), merged in time order with its nodes' and drpnodes' in the pool")
public class LogsCommand extends ServiceCommandSupport {

    private static final long FOLLOW_POLL_MILLIS = 250;


    @Option(name = "--follow", description = "Keep printing this node's new lines until interrupted")
    boolean follow;

    @Option(name = "--local", description = "Only this node's log")
    boolean local;

    @Override
    protected void run(PrintStream out) throws IOException, InterruptedException {
        if (!local && !follow) {
            cluster.logs(service, null, System.err::println).forEach(out::println);
            return;
        }
        store.read(service);
        Path log = actions.actionLog(service);
        long printed = 0;
        do {
            if (Files.exists(log)) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    if (file.length() < printed) {
                        printed = 0;
                    }
                    byte[] added = new byte[(int) (file.length() - printed)];
                    file.seek(printed);
                    file.readFully(added);
                    out.print(new String(added, StandardCharsets.UTF_8));
                    out.flush();
                    printed += added.length;
                }
            }
            if (follow) {
                Thread.sleep(FOLLOW_POLL_MILLIS);
            }
        } while (follow && !Thread.currentThread().isInterrupted());
    }
}
