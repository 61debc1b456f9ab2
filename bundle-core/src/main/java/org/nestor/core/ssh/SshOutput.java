package org.nestor.core.ssh;

import java.nio.charset.StandardCharsets;

/** What a remote command did: its exit code (-1 when it timed out), its bytes out, its error text. */
public record SshOutput(int exit, byte[] stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return exit == 0 && !timedOut;
    }

    public String text() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Why it failed, for messages: its error output, else its exit code. */
    public String reason() {
        if (timedOut) {
            return "timed out";
        }
        String error = stderr.strip();
        return error.isEmpty() ? "exit " + exit : error;
    }
}
