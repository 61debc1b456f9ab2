package org.nestor.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.CoreConfiguration;

/** etc/PID.cfg files read as the component property types SCR hands the components. */
class CfgFilesTest {

    @TempDir
    Path etc;

    /** A property type with every supported kind of value. */
    @interface Sample {
        String PID = "org.nestor.sample";

        String name() default "none";

        int count() default 3;

        long seconds() default 60;

        boolean enabled() default false;

        String[] tags() default {"a", "b"};

        long[] limits() default {};

        String dotted_key() default "";

        String dash$_$key() default "";
    }

    private Path cfg(String text) throws IOException {
        return Files.writeString(etc.resolve(Sample.PID + ".cfg"), text);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        Sample sample = CfgFiles.read(Sample.class, etc.resolve("nosuch.cfg"));
        assertEquals("none", sample.name());
        assertEquals(3, sample.count());
        assertEquals(60, sample.seconds());
        assertFalse(sample.enabled());
        assertArrayEquals(new String[] {"a", "b"}, sample.tags());
        assertEquals(0, sample.limits().length);
        assertSame(Sample.class, sample.annotationType());
    }

    @Test
    void valuesAreConvertedAsScrConvertsTheStringsOfACfg() throws IOException {
        Sample sample = CfgFiles.read(Sample.class, cfg("""
                # Karaf's etc files: java.util.Properties, key = value
                name = web server
                count = 12
                seconds=  7
                enabled = TRUE
                tags = x, y
                limits = 42
                dotted.key = d
                dash-key = e
                felix.fileinstall.filename = file:/somewhere
                """));
        assertEquals("web server", sample.name());
        assertEquals(12, sample.count());
        assertEquals(7, sample.seconds());
        assertTrue(sample.enabled());
        assertArrayEquals(new String[] {"x, y"}, sample.tags(), "one string, a one-element array");
        assertArrayEquals(new long[] {42}, sample.limits());
        assertEquals("d", sample.dotted_key());
        assertEquals("e", sample.dash$_$key());
        sample.tags()[0] = "changed";
        assertEquals("x, y", sample.tags()[0], "each call gets its own array");
    }

    @Test
    void aBadValueNamesFileAndKey() throws IOException {
        Path file = cfg("name = x\ncount = many\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CfgFiles.read(Sample.class, file));
        assertEquals(file + ": count: 'many' is not a number (int)", e.getMessage());
        Path limits = cfg("limits = 1,2\n");
        e = assertThrows(IllegalStateException.class, () -> CfgFiles.read(Sample.class, limits));
        assertEquals(limits + ": limits: '1,2' is not a number (long)", e.getMessage());
    }

    @Test
    void theCoreConfigurationAsKarafReadsIt() throws IOException {
        CoreConfiguration core = CfgFiles.read(CoreConfiguration.class,
                Files.writeString(etc.resolve(CoreConfiguration.PID + ".cfg"), "lockTimeout = 5\n"));
        assertEquals(5, core.lockTimeout());
        assertEquals("", core.base());
    }

    @Test
    void theMappingOfMethodNamesToKeysIsDeclarativeServices() {
        assertEquals("lockTimeout", CfgFiles.propertyKey("lockTimeout"));
        assertEquals("a.b_c", CfgFiles.propertyKey("a_b__c"));
        assertEquals("a-b$c", CfgFiles.propertyKey("a$_$b$$c"));
        assertEquals("ab", CfgFiles.propertyKey("a$b"));
    }
}
