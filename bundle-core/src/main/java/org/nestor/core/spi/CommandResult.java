package org.nestor.core.spi;

/**
 * How a command ended.
 *
 * @param exitCode the exit code, or -1 when it timed out or could not start
 * @param stdout   what it wrote on standard output
 * @param stderr   what it wrote on standard error, or why it could not start
 * @param timedOut whether it was killed for running longer than its timeout
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** The last non-blank line of stderr, else of stdout: the usual reason of a failure. */
    public String reason() {
        for (String stream : new String[] {stderr, stdout}) {
            String last = stream.strip().lines().reduce((a, b) -> b).orElse("");
            if (!last.isBlank()) {
                return last.strip();
            }
        }
        return "";
    }
}
