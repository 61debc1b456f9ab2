package org.nestor.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.app.AppDriver;

/** Components found by ServiceLoader get their configuration as SCR gives it to their activator. */
class ClassPathComponentsTest {

    @TempDir
    Path etc;

    @interface ToolsConfiguration {
        String PID = "org.nestor.tools";

        String toolsDirectory() default "";
    }

    /** Shaped like the lxc driver: a no-argument constructor for ServiceLoader, a package-private activator. */
    static final class Configurable {
        String toolsDirectory;

        void configure(ToolsConfiguration configuration) {
            toolsDirectory = configuration.toolsDirectory();
        }

        void unrelated(Deprecated notAConfiguration) {
            throw new AssertionError("not a component property type");
        }
    }

    @Test
    void theActivatorGetsTheFileOfItsPid() throws IOException {
        assertEquals("", ClassPathComponents.activate(new Configurable(), etc).toolsDirectory, "defaults");
        Files.writeString(etc.resolve("org.nestor.tools.cfg"), "toolsDirectory = /opt/lxc/bin\n");
        assertEquals("/opt/lxc/bin", ClassPathComponents.activate(new Configurable(), etc).toolsDirectory);
    }

    @Test
    void componentsWithoutConfigurationAreLeftAsTheyAre() {
        assertTrue(ClassPathComponents.load(org.nestor.core.spi.ResourceDriver.class, etc).stream()
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
