package org.nestor.core.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.action.ServiceActions;

@Service
@Command(scope = "svc", name = "logs", description = "Prints a service's action log: TIME node.svc.rid LEVEL message")
public class LogsCommand extends ServiceCommandSupport {

    private static final long FOLLOW_POLL_MILLIS = 250;

    @Reference
    protected ServiceActions actions;

    @Option(name = "--follow", description = "Keep printing new lines until interrupted")
    boolean follow;

    @Override
    protected void run(PrintStream out) throws IOException, InterruptedException {
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
