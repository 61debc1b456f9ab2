package org.nestor.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.pool.Pool;
import org.nestor.core.ssh.SshSessions;

/**
 * Components listed in META-INF/services are made with the node's services their constructor takes,
 * and get their configuration, as SCR gives them to their activator.
 */
class ClassPathComponentsTest {

    @TempDir
    Path etc;

    @interface ToolsConfiguration {
        String PID = "org.nestor.tools";

        String toolsDirectory() default "";
    }

    /** Shaped like the lxc driver: a no-argument constructor, a package-private activator. */
    static final class Configurable {
        String toolsDirectory;

        void configure(ToolsConfiguration configuration) {
            toolsDirectory = configuration.toolsDirectory();
        }

        void unrelated(Deprecated notAConfiguration) {
            throw new AssertionError("not a component property type");
        }
    }

    /** Shaped like the libvirt drivers: SCR's constructor takes what only Karaf has, another the node's sessions. */
    static final class LikeLibvirt {
        final String madeBy;

        public LikeLibvirt(Path onlyInKaraf, SshSessions ssh) {
            madeBy = "SCR";
        }

        public LikeLibvirt(SshSessions ssh) {
            madeBy = "bin/nestor";
        }

        public LikeLibvirt() {
            madeBy = "nobody offering sessions";
        }
    }

    /** Shaped like the sync drivers: one constructor, which takes the pool. */
    static final class LikeSync {
        final Pool pool;

        public LikeSync(Pool pool) {
            this.pool = pool;
        }
    }

    @Test
    void theConstructorWithTheMostOfferedServicesMakesTheComponent() {
        SshSessions ssh = new JschSessions();
        Pool pool = PeerPool.standalone(new NestorPaths(etc), "n1", ssh);
        Map<Class<?>, Object> services = Map.of(Pool.class, pool, SshSessions.class, ssh);
        assertEquals("bin/nestor", ((LikeLibvirt) ClassPathComponents.construct(LikeLibvirt.class, services)).madeBy);
        assertEquals("nobody offering sessions",
                ((LikeLibvirt) ClassPathComponents.construct(LikeLibvirt.class, Map.of())).madeBy);
        assertSame(pool, ((LikeSync) ClassPathComponents.construct(LikeSync.class, services)).pool);

        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> ClassPathComponents.construct(LikeSync.class, Map.of(SshSessions.class, ssh)));
        assertEquals(LikeSync.class.getName() + " has no public constructor taking only services bin/nestor offers "
                + "(SshSessions)", none.getMessage());
    }

    @Test
    void theActivatorGetsTheFileOfItsPid() throws IOException {
        assertEquals("", ClassPathComponents.activate(new Configurable(), etc).toolsDirectory, "defaults");
        Files.writeString(etc.resolve("org.nestor.tools.cfg"), "toolsDirectory = /opt/lxc/bin\n");
        assertEquals("/opt/lxc/bin", ClassPathComponents.activate(new Configurable(), etc).toolsDirectory);
    }

    @Test
    void componentsWithoutConfigurationAreLeftAsTheyAre() {
        assertTrue(ClassPathComponents.load(org.nestor.core.spi.ResourceDriver.class, etc, Map.of()).stream()
                .anyMatch(driver -> driver instanceof AppDriver));
        Object plain = new Object();
        assertSame(plain, ClassPathComponents.activate(plain, etc));
    }

    @Test
    void aBadValueStopsWithFileAndKey() throws IOException {
        Path file = Files.writeString(etc.resolve("org.nestor.tools.cfg"), "toolsDirectory = \\u12\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClassPathComponents.activate(new Configurable(), etc));
        assertTrue(e.getMessage().startsWith(file + ": cannot read: "), e.getMessage());
    }
}
