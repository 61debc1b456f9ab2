package org.nestor.encap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nestor.encap.internal.EncapFixture.SERVICE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nestor.core.action.ActionException;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.status.ResourceState;
import org.nestor.core.status.ServiceStatus;
import org.nestor.core.status.Status;

/**
 * semantics.md "Trust between hypervisor and guests": guest vm1 edits its copy of the service
 * (newer than the host's); what it changes in the hypervisor view decides whether the host takes it.
 */
class TrustBoundaryTest {

    private static final long HOST_TIME = 1_000;
    private static final long GUEST_TIME = 2_000;

    @TempDir
    Path base;

    private EncapFixture fixture;
    private EncapFixture.Agent vm1;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new EncapFixture(base);
        vm1 = fixture.agent("container#1");
        fixture.hostStarted();
        hostAt(HOST_TIME);
        // vm2 holds a copy of its own, the host's, so that what the host installs is seen to reach it
        fixture.agent("container#2").edit(hostText(), HOST_TIME);
    }

    private void hostAt(long seconds) throws IOException {
        Files.setLastModifiedTime(fixture.store.file(SERVICE), FileTime.from(seconds, TimeUnit.SECONDS));
    }

    private String hostText() throws IOException {
        return Files.readString(fixture.store.file(SERVICE));
    }

    private long hostTime() throws IOException {
        return Files.getLastModifiedTime(fixture.store.file(SERVICE)).to(TimeUnit.SECONDS);
    }

    /** vm1's copy: the host's with {@code line} added at the top of {@code section} (appended when it has none). */
    private String guestEdits(String section, String line) throws IOException {
        String host = hostText();
        String header = "[" + section + "]\n";
        String edited = host.contains(header) ? host.replace(header, header + line + "\n")
                : host + "\n" + header + line + "\n";
        vm1.edit(edited, GUEST_TIME);
        return edited;
    }

    private void pushConfig() {
        fixture.actions.pushConfig(SERVICE, List.of(), false, fixture.output::add);
    }

    private ActionException refused() {
        return assertThrows(ActionException.class, this::pushConfig);
    }

    private boolean pushedTo(String rid) {
        return fixture.world.calls().stream().anyMatch(call -> call.startsWith("copy-in " + rid + " "));
    }

    private void assertAccepted(String edited) throws IOException {
        pushConfig();
        assertEquals(edited, hostText(), fixture.messages().toString());
        assertEquals(GUEST_TIME, hostTime(), "installed with the guest's time");
        assertEquals(edited, fixture.agent("container#2").copy(), "and given to the other guest");
        assertTrue(fixture.messages().stream().anyMatch(m -> m.startsWith("INFO pulled the configuration of vm1")),
                fixture.messages().toString());
    }

    private void assertRefused(String edited, String... changes) throws IOException {
        String before = hostText();
        ActionException refused = refused();
        for (String change : changes) {
            assertTrue(refused.getMessage().contains(change), refused.getMessage());
            assertTrue(fixture.messages().stream().anyMatch(m -> m.startsWith("WARN refused the configuration of vm1")
                    && m.contains(change)), fixture.messages().toString());
        }
        assertTrue(refused.getMessage().startsWith("configuration of web refused: vm1's copy changes "),
                refused.getMessage());
        assertEquals(before, hostText(), "the host's copy stays");
        assertEquals(HOST_TIME, hostTime());
        assertEquals(edited, vm1.copy(), "the guest's copy is not rolled back");
        assertFalse(pushedTo("container#1"), fixture.world.calls().toString());
        assertFalse(pushedTo("container#2"), "nothing of it reaches the other guest");
    }

    @Test
    void aNewSectionOfTheHypervisorIsRefusedNamingIt() throws IOException {
        String edited = guestEdits("app#2", "type = mem");
        assertRefused(edited, "app#2 (added)");
    }

    @Test
    void aTriggerOnAHostResourceIsRefused() throws IOException {
        String edited = guestEdits("ip#1", "post_start = /usr/bin/touch /tmp/PWNED_ON_HOST");
        assertRefused(edited, "ip#1.post_start");
    }

    @Test
    void theNodesAreTheHypervisorsToChange() throws IOException {
        String edited = hostText().replace("\nnodes = hv1\n", "\nnodes = hv1 evil\n");
        assertNotEquals(hostText(), edited);
        vm1.edit(edited, GUEST_TIME);
        assertRefused(edited, "DEFAULT.nodes");
    }

    @Test
    void aContainerDefinitionIsTheHypervisors() throws IOException {
        String edited = guestEdits("container#2", "encap_agent = /tmp/evil");
        assertRefused(edited, "container#2.encap_agent");
    }

    @Test
    void anEncapsulatedResourceMadeAHostOneIsRefused() throws IOException {
        // evaluated as hv1, fs#2 is no longer tagged encap: it would run on the hypervisor
        String edited = guestEdits("fs#2", "tags@hv1 = data");
        assertRefused(edited, "fs#2 (added)");
    }

    @Test
    void anEncapsulatedAppsStartChangedIsAccepted() throws IOException {
        fixture.store.edit(SERVICE, config -> {
            config.getOrAdd("app#3").put("encap", "true", 0);
            config.section("app#3").put("start", "/bin/true", 0);
        }, null);
        hostAt(HOST_TIME);
        String edited = hostText().replace("start = /bin/true", "start = /bin/sleep 1");
        vm1.edit(edited, GUEST_TIME);
        assertAccepted(edited);
    }

    @Test
    void anEncapsulatedFsAddedIsAccepted() throws IOException {
        String edited = guestEdits("fs#3", "type = mem\ntags = encap");
        assertAccepted(edited);
        assertFalse(fixture.actions.pushConfig(SERVICE, List.of(), false, line -> { }), "then everyone agrees");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ip#1    | standby@encapnodes = true",
            "ip#1    | disable@vm1 = true",
            "DEFAULT | orchestrate@encapnodes = start"})
    void aKeywordScopedToTheGuestsIsAccepted(String section, String line) throws IOException {
        assertAccepted(guestEdits(section, line));
    }

    @Test
    void fullTrustInTheGuestsCopyHasNoEffect() throws IOException {
        String edited = guestEdits("DEFAULT", "encap_config_trust = full") + "\n[app#2]\ntype = mem\n";
        vm1.edit(edited, GUEST_TIME);
        assertRefused(edited, "DEFAULT.encap_config_trust", "app#2 (added)");
    }

    @Test
    void fullTrustInTheHostsCopyLetsTheGuestsChangeThrough() throws IOException {
        fixture.store.edit(SERVICE, config -> config.section("DEFAULT").put("encap_config_trust", "full", 0), null);
        hostAt(HOST_TIME);
        assertAccepted(guestEdits("app#2", "type = mem"));
    }

    @Test
    void aRefusalShowsOnTheContainersRowUntilForceReplacesTheGuestsCopy() throws IOException {
        String edited = guestEdits("app#2", "type = mem");
        refused();

        ServiceStatus status = fixture.actions.status(SERVICE, true);
        ResourceState row = status.resources().get("container#1");
        assertEquals(Status.UP, row.status(), "the container runs");
        assertTrue(row.log().stream().anyMatch(line -> line.startsWith("warn: configuration of vm1 refused, its copy "
                + "changes app#2 (added)")), row.log().toString());
        assertEquals(Status.WARN, status.overall());
        assertTrue(status.resources().get("container#2").log().isEmpty(), "vm2 has nothing to answer for");
        assertEquals(edited, vm1.copy(), "still the guest's, and still refused");
        refused();

        fixture.actions.pushConfig(SERVICE, List.of("vm1"), true, fixture.output::add);

        assertEquals(hostText(), vm1.copy(), "--force: the host's copy replaces the guest's");
        assertEquals(HOST_TIME, vm1.mtime, "with the host's time");
        assertEquals(HOST_TIME, hostTime());
        assertTrue(fixture.actions.status(SERVICE, true).resources().get("container#1").log().isEmpty());
        pushConfig(); // resolved: nothing refused any more
    }

    @Test
    void whileTheRefusalStandsTheHostsNewerEditDoesNotOverwriteTheGuestsCopy() throws IOException {
        String edited = guestEdits("app#2", "type = mem");
        refused();
        fixture.store.edit(SERVICE, config -> config.section("ip#1").put("comment", "the host's", 0), null);
        hostAt(3_000);
        fixture.world.clearCalls();

        ActionException stillRefused = refused();

        assertTrue(stillRefused.getMessage().contains("app#2 (added)"), stillRefused.getMessage());
        assertEquals(edited, vm1.copy());
        assertFalse(pushedTo("container#1"), fixture.world.calls().toString());
        assertTrue(pushedTo("container#2"), "the other guest takes the host's newer edit");
    }

    @Test
    void theIssuesAttackRunsNothingOnTheHostAndTheHostStillActs() throws IOException {
        String edited = guestEdits("app#2", "type = mem");
        fixture.world.clearCalls();
        fixture.output.clear();

        fixture.actions.run(SERVICE, ServiceAction.RESTART, ActionOptions.all(fixture.output::add));

        assertTrue(fixture.world.calls().stream().noneMatch(call -> call.endsWith(" app#2")),
                fixture.world.calls().toString());
        assertTrue(fixture.world.calls().contains("start ip#1"), "the hypervisor level restarted");
        assertTrue(fixture.messages().stream().anyMatch(m -> m.startsWith("WARN refused the configuration of vm1")
                && m.contains("app#2 (added)")), fixture.messages().toString());
        assertFalse(hostText().contains("app#2"));
        assertEquals(edited, vm1.copy());
    }

    @Test
    void aGuestCopyThatCannotBeTakenDoesNotKeepTheHostFromStopping() throws IOException {
        vm1.edit("[DEFAULT]\n", GUEST_TIME);
        String before = hostText();

        fixture.actions.run(SERVICE, ServiceAction.STOP, ActionOptions.all(fixture.output::add));

        assertTrue(fixture.messages().stream().anyMatch(line -> line.contains("WARN configurations not reconciled "
                + "before the stop: pulled an empty configuration from vm1")), fixture.messages().toString());
        assertTrue(fixture.world.calls().contains("stop ip#1"), "the host stopped: " + fixture.world.calls());
        assertEquals(before, hostText(), "the host's copy is kept");
        assertThrows(RuntimeException.class, () -> fixture.actions.run(SERVICE, ServiceAction.START,
                ActionOptions.all(fixture.output::add)), "a start is still refused");
    }
}
