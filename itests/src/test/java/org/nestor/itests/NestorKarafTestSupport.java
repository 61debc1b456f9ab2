package org.nestor.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.testsupport.FakeDriver;
import org.nestor.testsupport.FakeWorld;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Boots the Nestor distribution (the tar.gz the distribution module built) in a real Karaf on
 * Java 17, node name {@value #NODE}, with the test-support bundle (the fake driver), and runs
 * console commands in a session of that Karaf.
 */
public abstract class NestorKarafTestSupport {

    protected static final String NODE = "hv1";

    /** System property giving the tests inside Karaf the source tree (scripts of other modules). */
    protected static final String SOURCES = "nestor.sources";
    private static final long COMMAND_WAIT_MILLIS = 60_000;
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    /** The tests start only once every boot feature is installed. */
    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected FeaturesService features;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version");
        File distribution = new File(System.getProperty("nestor.distribution"));
        File testSupport = new File(System.getProperty("nestor.testsupport"));
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(distribution.toURI().toString())
                        .karafVersion(karafVersion).name("Nestor").unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                // the probe imports the fake driver's package from this bundle
                CoreOptions.bundle(testSupport.toURI().toString()),
                logLevel(LogLevel.WARN),
                CoreOptions.systemTimeout(180_000),
                CoreOptions.systemProperty(SOURCES).value(new File("..").getAbsoluteFile().toPath().normalize().toString()),
                editConfigurationFilePut("etc/nestor/node.cfg", "name", NODE),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository", ""))));
        // Java 17 launch of Karaf 4.4, as Karaf's own KarafTestSupport does it.
        for (String option : List.of("--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")) {
            options.add(new VMOption(option));
        }
        return options.toArray(new Option[0]);
    }

    /**
     * Installs a driver feature into the running Nestor, as an operator would: the boot feature
     * {@code nestor} (core and drivers) goes away first, the core staying, and the driver's type
     * must be unknown until the feature is installed, then known at once. No bundle refresh: the
     * probe must survive it.
     *
     * @return what {@code svc:print-keywords <driverType>} prints once the feature is in
     */
    protected String hotInstall(String feature, String bundle, String driverType) throws Exception {
        features.installFeature("nestor-core", NO_REFRESH);
        features.uninstallFeature("nestor", NO_REFRESH);
        assertFalse(bundle + " left with feature nestor", bundleInstalled(bundle));
        try {
            execute("svc:print-keywords " + driverType);
            throw new AssertionError(driverType + " known while feature " + feature + " is not installed");
        } catch (CommandFailed expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(driverType.substring(
                    driverType.indexOf('.') + 1)));
        }
        features.installFeature(feature, NO_REFRESH);
        assertTrue(bundle + " installed by " + feature, bundleInstalled(bundle));
        return execute("svc:print-keywords " + driverType);
    }

    /**
     * Registers a container driver of type {@code itest} at runtime, as a driver bundle would: the
     * fake driver, with an {@code image} keyword of its own, its containers living in {@code world}.
     */
    protected ServiceRegistration<ResourceDriver> registerItestDriver(FakeWorld world) {
        FakeDriver driver = new FakeDriver("container", "itest", world).withKeywords(
                Keyword.of("container", "image", ValueType.STRING, "Image of the test container"));
        return bundleContext.registerService(ResourceDriver.class, driver, null);
    }

    private boolean bundleInstalled(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).anyMatch(b -> b.getSymbolicName().equals(symbolicName));
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a failed console command printed and threw. */
    public static final class CommandFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs a console command and returns what it printed.
     *
     * @throws CommandFailed with the output and the error's message when the command fails
     */
    protected String execute(String command) {
        long deadline = System.currentTimeMillis() + COMMAND_WAIT_MILLIS;
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
                session.execute(command);
                out.flush();
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                // Commands register asynchronously after boot: wait for them rather than fail.
                boolean notYet = String.valueOf(e.getMessage()).startsWith("Command not found");
                if (!notYet || System.currentTimeMillis() > deadline) {
                    throw new CommandFailed(bytes.toString(StandardCharsets.UTF_8) + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
