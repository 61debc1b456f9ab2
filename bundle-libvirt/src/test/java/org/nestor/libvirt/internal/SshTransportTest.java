package org.nestor.libvirt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.Commands;
import org.nestor.core.spi.ResourceException;

/** The SSH transport against a private sshd on loopback (src/test/ssh/loopback-sshd.sh). */
class SshTransportTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path sshd;

    private static final Path SCRIPT = Path.of("src/test/ssh/loopback-sshd.sh").toAbsolutePath();

    /** The unprivileged user loopback-sshd.sh authorizes. */
    private static final String USER = "nestorssh";

    private static int port;

    /** The sessions of the transports below, owned here as the SSH component owns the node's. */
    private static final JschSessions SESSIONS = new JschSessions();

    @BeforeAll
    static void startSshd() {
        Components.require("a root sshd (openssh-server)", Components.root() && Components.executable("/usr/sbin/sshd"),
                "openssh-server");
        CommandResult started = check(sshd("start"));
        port = Integer.parseInt(started.stdout().strip());
    }

    @AfterAll
    static void stopSshd() {
        SESSIONS.closeAll();
        sshd("stop");
    }

    private static CommandResult sshd(String verb) {
        return Commands.local().run(List.of(SCRIPT.toString(), verb, sshd.toString()), TOOL_TIMEOUT);
    }

    private static CommandResult check(CommandResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException(result.reason());
        }
        return result;
    }

    private static SshTransport transport(Path knownHosts) {
        return transport(SESSIONS, knownHosts);
    }

    private static SshTransport transport(JschSessions sessions, Path knownHosts) {
        return new SshTransport(sessions, "127.0.0.1", port, USER, sshd.resolve("client"), knownHosts);
    }

    /**
     * The sshd process serving the command's connection (its nearest sshd ancestor): one per SSH
     * session, so equal pids mean one session reused.
     */
    private static String sessionProcess(SshTransport ssh) {
        CommandResult result = ssh.exec(List.of("sh", "-c", "p=$$; while :; do case $(cat /proc/$p/comm) in "
                + "sshd*) echo $p; exit;; esac; p=$(cut -d' ' -f4 /proc/$p/stat); done"), null, Duration.ofSeconds(10));
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout().strip();
    }

    @Test
    void eachOwnerKeepsItsOwnSessionsAndClosesOnlyThose() {
        JschSessions first = new JschSessions();
        JschSessions second = new JschSessions();
        try {
            SshTransport one = transport(first, sshd.resolve("known_hosts"));
            SshTransport other = transport(second, sshd.resolve("known_hosts"));
            String firstSession = sessionProcess(one);
            String secondSession = sessionProcess(other);
            assertEquals(firstSession, sessionProcess(one), "a session is reused by its owner");
            assertNotEquals(firstSession, secondSession, "two owners, two sessions");

            first.closeAll();
            assertEquals(secondSession, sessionProcess(other), "the other owner's session lives on");
            assertNotEquals(firstSession, sessionProcess(one), "a closed owner connects anew when used again");
        } finally {
            first.closeAll();
            second.closeAll();
        }
    }

    @Test
    void execKeepsArgumentsStdinAndExitCodes() {
        SshTransport ssh = transport(sshd.resolve("known_hosts"));
        CommandResult result = ssh.exec(List.of("sh", "-c", "read line; echo \"got $line\"; echo \"$1\" >&2; exit 3", "sh",
                "it's a 'quoted' $HOME"), "hello\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertEquals(3, result.exitCode(), result.toString());
        assertEquals("got hello\n", result.stdout());
        assertEquals("it's a 'quoted' $HOME\n", result.stderr());
        assertEquals(127, ssh.exec(List.of("/no/such/program"), null, Duration.ofSeconds(10)).exitCode());
    }

    @Test
    void aTimedOutCommandIsKilledInTheGuest() {
        SshTransport ssh = transport(sshd.resolve("known_hosts"));
        CommandResult slow = ssh.exec(List.of("sleep", "317"), null, Duration.ofSeconds(1));
        assertTrue(slow.timedOut());
        String left = ssh.exec(List.of("sh", "-c", "pgrep -f 'slee[p] 317' | wc -l"), null, Duration.ofSeconds(10))
                .stdout().strip();
        assertEquals("0", left, "the timed-out command is killed on the remote side");
    }

    @Test
    void filesCopyBothWaysByteForByte(@TempDir Path local) throws Exception {
        SshTransport ssh = transport(sshd.resolve("known_hosts"));
        byte[] content = new byte[70_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 13);
        }
        String remote = "/tmp/nestor-ssh-" + UUID.randomUUID() + ".bin";
        ssh.copyIn(Files.write(local.resolve("in.bin"), content), remote);
        ssh.copyOut(remote, local.resolve("back/out.bin"));
        ssh.exec(List.of("rm", "-f", remote), null, Duration.ofSeconds(10));
        assertArrayEquals(content, Files.readAllBytes(local.resolve("back/out.bin")));
        ResourceException missing = assertThrows(ResourceException.class,
                () -> ssh.copyOut("/no/such/file", local.resolve("never.bin")));
        assertTrue(missing.getMessage().contains("/no/such/file"), missing.getMessage());
        assertFalse(Files.exists(local.resolve("never.bin")));
    }

    @Test
    void anUnknownHostKeyIsRefused(@TempDir Path other) throws Exception {
        check(Commands.local().run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                other.resolve("stranger").toString()), TOOL_TIMEOUT));
        Path knownHosts = Files.writeString(other.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                + Files.readString(other.resolve("stranger.pub")));
        CommandResult refused = transport(knownHosts).exec(List.of("true"), null, Duration.ofSeconds(10));
        assertEquals(255, refused.exitCode());
        assertTrue(refused.stderr().contains("host key of 127.0.0.1:" + port + " refused"), refused.stderr());

        CommandResult noFile = transport(other.resolve("absent")).exec(List.of("true"), null, Duration.ofSeconds(10));
        assertEquals(255, noFile.exitCode());
        assertTrue(noFile.stderr().contains("ssh-keyscan"), noFile.stderr());
    }
}
