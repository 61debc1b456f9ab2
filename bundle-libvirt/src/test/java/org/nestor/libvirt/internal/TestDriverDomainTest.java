package org.nestor.libvirt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.ssh.JschSessions;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;
import org.nestor.core.status.ResourceStatus;
import org.nestor.core.ssh.SshSessions;
import org.nestor.core.status.Status;

/**
 * Domains of libvirt's test driver (a real libvirt, no daemon): each test opens its own copy of
 * src/test/resources/test-node.xml, whose domains are running, shut off, paused and crashed.
 */
class TestDriverDomainTest {

    @TempDir
    Path work;

    private String uri;
    private final List<String> log = new ArrayList<>();
    private final LibvirtConnections connections = new LibvirtConnections();
    /** No domain here has a hostname: no SSH session is opened. */
    private final SshSessions ssh = new JschSessions();

    @BeforeAll
    static void requireLibvirt() {
        Components.require("libvirt", Components.libvirt(), "libvirt0");
    }

    @BeforeEach
    void copyNode() throws Exception {
        Path node = Files.copy(Path.of("src/test/resources/test-node.xml"), work.resolve("node.xml"));
        uri = "test://" + node;
    }

    @AfterEach
    void closeConnections() {
        connections.closeAll();
    }

    private DomainResource domain(String name, Map<String, Object> extra) throws ResourceException {
        Map<String, Object> values = new HashMap<>(Map.of("name", name, "uri", uri, "start_timeout", 10L,
                "stop_timeout", 5L));
        values.putAll(extra);
        return (DomainResource) new AnyLibvirtDriver(connections, ssh).create(ResourceContext.of("svc", "container#1", "hv1", values,
                work, work, ResourceLog.to(log::add)));
    }

    @Test
    void startsAndStopsAShutOffDomain() throws Exception {
        DomainResource off = domain("off1", Map.of());
        assertEquals(Status.DOWN, off.status().status());
        off.start();
        assertEquals(Status.UP, off.status().status());
        assertTrue(log.contains("INFO off1 running; no transport into its guest to probe"), log.toString());
        off.start();
        assertTrue(log.contains("INFO off1 already running"), log.toString());
        off.stop();
        assertEquals(Status.DOWN, off.status().status());
        off.stop();
        assertTrue(log.contains("INFO off1 already stopped"), log.toString());
    }

    @Test
    void aPausedDomainIsAWarningAndIsDestroyedOnStop() throws Exception {
        DomainResource paused = domain("paused1", Map.of());
        ResourceStatus status = paused.status();
        assertEquals(Status.WARN, status.status());
        assertTrue(status.log().toString().contains("paused1 is paused"), status.log().toString());
        paused.stop();
        assertTrue(log.contains("INFO paused1 is paused: destroying it"), log.toString());
        assertEquals(Status.DOWN, paused.status().status());
    }

    @Test
    void aCrashedDomainIsDestroyedBeforeItStartsAgain() throws Exception {
        DomainResource crashed = domain("crashed1", Map.of());
        assertEquals(Status.WARN, crashed.status().status());
        crashed.start();
        assertTrue(log.contains("WARN crashed1 crashed: destroying it before the start"), log.toString());
        assertEquals(Status.UP, crashed.status().status());
    }

    @Test
    void anUndefinedDomainIsDefinedFromItsXmlOrRefusedClearly() throws Exception {
        DomainResource ghost = domain("ghost1", Map.of());
        assertEquals(Status.DOWN, ghost.status().status());
        assertFalse(ghost.provisioned());
        ResourceException refused = assertThrows(ResourceException.class, ghost::start);
        assertTrue(refused.getMessage().contains("ghost1 is not defined on " + uri)
                && refused.getMessage().contains(work.resolve("ghost1.xml").toString()), refused.getMessage());

        Files.writeString(work.resolve("ghost1.xml"), "<domain type='test'><name>ghost1</name><memory>65536</memory>"
                + "<os><type>hvm</type></os></domain>");
        ghost.start();
        assertTrue(log.contains("INFO defined ghost1 on " + uri + " from " + work.resolve("ghost1.xml")), log.toString());
        assertEquals(Status.UP, ghost.status().status());
        assertTrue(ghost.provisioned());
    }

    @Test
    void unprovisionUndefinesOnlyWhatProvisionDefined() throws Exception {
        Files.writeString(work.resolve("made1.xml"), "<domain type='test'><name>made1</name><memory>65536</memory>"
                + "<os><type>hvm</type></os></domain>");
        DomainResource made = domain("made1", Map.of());
        made.provision();
        assertTrue(made.provisioned());
        made.start();
        ResourceException running = assertThrows(ResourceException.class, made::unprovision);
        assertTrue(running.getMessage().contains("it is running"), running.getMessage());
        made.stop();
        made.unprovision();
        assertFalse(made.provisioned());

        DomainResource foreign = domain("off1", Map.of());
        ResourceException refused = assertThrows(ResourceException.class, foreign::unprovision);
        assertTrue(refused.getMessage().contains("did not create it"), refused.getMessage());
        assertTrue(foreign.provisioned());
    }

    @Test
    void theLibvirtTypeNeedsAUriAndAnUnreachableOneIsReportedNotThrown() throws Exception {
        ResourceException noUri = assertThrows(ResourceException.class, () -> new AnyLibvirtDriver(ssh).create(
                ResourceContext.of("svc", "container#1", "hv1", Map.of("name", "x"), work, work, ResourceLog.SILENT)));
        assertTrue(noUri.getMessage().contains("needs a uri"), noUri.getMessage());

        DomainResource lost = domain("up1", Map.of("uri", "test://" + work.resolve("absent.xml")));
        ResourceStatus status = lost.status();
        assertEquals(Status.UNDEF, status.status());
        assertTrue(status.log().toString().contains("absent.xml"), status.log().toString());
    }

    @Test
    void domainsAreListedWithTheirStates() throws Exception {
        List<Domains.Row> rows = Domains.list(connections, uri);
        assertEquals(List.of("crashed1 crashed", "off1 shut off", "paused1 paused", "up1 running"),
                rows.stream().map(row -> row.name() + " " + row.state()).toList());
    }

    @Test
    void theDriversShareTheConnectionsTheyAreGivenAndTheirOwnerClosesThem() throws Exception {
        // the test driver keeps its state per connection: what one connection started, another does not see
        domain("off1", Map.of()).start();
        assertEquals(Status.UP, domain("off1", Map.of()).status().status(), "a second handle, the same connection");
        DomainResource alone = (DomainResource) new AnyLibvirtDriver(ssh).create(ResourceContext.of("svc", "container#1",
                "hv1", Map.of("name", "off1", "uri", uri), work, work, ResourceLog.SILENT));
        assertEquals(Status.DOWN, alone.status().status(), "a driver made without OSGi has connections of its own");
        connections.closeAll();
        assertEquals(Status.DOWN, domain("off1", Map.of()).status().status(), "closed, then opened again afresh");
    }
}
