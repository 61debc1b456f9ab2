package org.nestor.libvirt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.CommandRunner;
import org.nestor.core.spi.ResourceException;

/** The SSH transport against a private sshd on loopback, with its own host key and authorized key. */
class SshTransportTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path sshd;

    private static Process server;
    private static int port;

    @BeforeAll
    static void startSshd() throws Exception {
        Components.require("a root sshd (openssh-server)", Components.root() && Components.executable("/usr/sbin/sshd"),
                "openssh-server");
        for (String key : List.of("host", "client")) {
            check(CommandRunner.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                    sshd.resolve(key).toString()), TOOL_TIMEOUT, null, Map.of(), null));
        }
        Files.copy(sshd.resolve("client.pub"), sshd.resolve("authorized_keys"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(sshd.resolve("sshd_config"), String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + sshd.resolve("host"), "PidFile " + sshd.resolve("sshd.pid"),
                "AuthorizedKeysFile " + sshd.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no", ""));
        Files.writeString(sshd.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                + Files.readString(sshd.resolve("host.pub")));
        Files.createDirectories(Path.of("/run/sshd"));
        server = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", sshd.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(sshd.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TOOL_TIMEOUT.toNanos();
        while (!listening()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("sshd did not start: " + Files.readString(sshd.resolve("sshd.log")));
            }
            Thread.sleep(50);
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopSshd() {
        SshTransport.closeAll();
        if (server != null) {
            server.destroy();
        }
    }

    private static void check(CommandResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException(result.reason());
        }
    }

    private static SshTransport transport(Path knownHosts) {
        return new SshTransport("127.0.0.1", port, "root", sshd.resolve("client"), knownHosts);
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
        Path remote = sshd.resolve("copied.bin");
        ssh.copyIn(Files.write(local.resolve("in.bin"), content), remote.toString());
        ssh.copyOut(remote.toString(), local.resolve("back/out.bin"));
        assertArrayEquals(content, Files.readAllBytes(local.resolve("back/out.bin")));
        ResourceException missing = assertThrows(ResourceException.class,
                () -> ssh.copyOut("/no/such/file", local.resolve("never.bin")));
        assertTrue(missing.getMessage().contains("/no/such/file"), missing.getMessage());
        assertFalse(Files.exists(local.resolve("never.bin")));
    }

    @Test
    void anUnknownHostKeyIsRefused(@TempDir Path other) throws Exception {
        check(CommandRunner.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                other.resolve("stranger").toString()), TOOL_TIMEOUT, null, Map.of(), null));
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
