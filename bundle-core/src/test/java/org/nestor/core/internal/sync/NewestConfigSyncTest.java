package org.nestor.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.internal.BuiltInNode;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.sync.ConfigPeer;
import org.nestor.core.sync.ConfigVersion;

/** The one configuration sync, with parties whose copies the tests hold (a peer, a guest: the rule is the same). */
class NewestConfigSyncTest {

    // app#1 runs in the guest g1: the edits of the guest parties stay within their trust boundary
    private static final String HOST = "[DEFAULT]\nnodes = n1 n2\nencapnodes = g1\n\n[app#1]\nstart = /bin/true\n"
            + "encap = true\ncomment = the host's\n";
    private static final String EDITED = HOST.replace("the host's", "edited");

    @TempDir
    Path base;

    private FileServiceStore store;
    private ServiceEngine engine;
    private NewestConfigSync sync;
    private final List<ChangeOrigin> installs = new CopyOnWriteArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        BuiltInNode n1 = BuiltInNode.at(base, "n1");
        store = n1.store();
        engine = n1.engine();
        sync = new NewestConfigSync(store, engine);
        store.create("web", ConfigReader.read(HOST, "web.conf"), false, null);
        store.addListener((service, origin, progress) -> installs.add(origin));
    }

    /** A party holding a copy (or none); unreachable when {@code down} says why. */
    static final class Party implements ConfigPeer {
        final String name;
        final ChangeOrigin origin;
        String text;
        long version;
        String down;
        String refusal;
        boolean takes = true;
        final List<String> received = new ArrayList<>();

        Party(String name, ChangeOrigin origin, String text, long version) {
            this.name = name;
            this.origin = origin;
            this.text = text;
            this.version = version;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String rid() {
            return origin == ChangeOrigin.GUEST ? "container#1" : null;
        }

        @Override
        public ChangeOrigin origin() {
            return origin;
        }

        @Override
        public String refusesToGive() {
            return refusal;
        }

        @Override
        public boolean takes() {
            return takes;
        }

        @Override
        public ConfigVersion version(String service) {
            if (down != null) {
                throw new IllegalStateException(down);
            }
            return text == null ? null : new ConfigVersion(version, LocalCopy.checksum(text.getBytes(
                    StandardCharsets.UTF_8)));
        }

        @Override
        public String read(String service) {
            return text;
        }

        @Override
        public void install(String service, byte[] copy, long copyVersion) {
            text = new String(copy, StandardCharsets.UTF_8);
            version = copyVersion;
            received.add(copyVersion + "");
        }
    }

    private void localAt(long seconds) throws IOException {
        Files.setLastModifiedTime(store.file("web"), FileTime.from(seconds, TimeUnit.SECONDS));
    }

    private long localVersion() throws IOException {
        return Files.getLastModifiedTime(store.file("web")).to(TimeUnit.SECONDS);
    }

    private String localText() throws IOException {
        return Files.readString(store.file("web"));
    }

    private boolean said(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    @Test
    void aNewerCopyIsInstalledWithItsTimeThenGivenToTheOlderParties() throws IOException {
        localAt(1_000);
        Party guest = new Party("g1", ChangeOrigin.GUEST, EDITED, 2_000);
        Party older = new Party("n2", ChangeOrigin.PEER, HOST, 500);
        Party none = new Party("n3", ChangeOrigin.PEER, null, 0);

        assertEquals(List.of(), sync.sync("web", List.of(guest, older, none), false, output::add));

        assertTrue(localText().contains("comment = edited"), localText());
        assertEquals(2_000, localVersion(), "installed with the edit's own time");
        assertEquals(List.of(ChangeOrigin.GUEST), installs, "the store's listeners learn where it came from");
        assertTrue(said("pulled the configuration of g1 (1970-01-01T00:33:20Z, newer than this node's "
                + "1970-01-01T00:16:40Z)"), output.toString());
        assertEquals(localText(), older.text);
        assertEquals(2_000, older.version);
        assertTrue(said("pushed the configuration to n2 (its copy of 1970-01-01T00:08:20Z was older)"), output.toString());
        assertTrue(said("pushed the configuration to n3 (it had none)"), output.toString());
        assertEquals(List.of(), guest.received, "the party that gave it is not given it back");
        assertTrue(Files.readString(engine.actionLog("web")).contains("n1.web.container#1 INFO pulled the "
                + "configuration of g1"), "lines about a guest are logged under its container");
    }

    @Test
    void equalCopiesMoveNothingAndAnEqualTimeIsNoWinner() throws IOException {
        localAt(1_000);
        Party same = new Party("n2", ChangeOrigin.PEER, localText(), 1_000);
        Party tie = new Party("g1", ChangeOrigin.GUEST, EDITED, 1_000);
        byte[] before = Files.readAllBytes(store.file("web"));

        assertEquals(List.of(), sync.sync("web", List.of(same, tie), false, output::add));

        assertArrayEquals(before, Files.readAllBytes(store.file("web")));
        assertEquals(List.of(), installs);
        assertEquals(List.of(), same.received);
        assertEquals(List.of(), tie.received);
        assertEquals(List.of(), output);
    }

    @Test
    void aTinyCopyIsRefusedAndNothingChanges() throws IOException {
        localAt(1_000);
        byte[] before = Files.readAllBytes(store.file("web"));
        Party empty = new Party("g1", ChangeOrigin.GUEST, "[DEFAULT]\n", 2_000);
        Party older = new Party("n2", ChangeOrigin.PEER, HOST, 500);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> sync.sync("web", List.of(empty, older), false, output::add));

        assertEquals("pulled an empty configuration from g1 (10 bytes): kept this node's", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(store.file("web")));
        assertEquals(1_000, localVersion());
        assertEquals(List.of(), older.received, "nothing given while the newest copy is in question");
    }

    @Test
    void editsOnBothSidesSinceTheLastAgreementAreSaid() throws IOException {
        localAt(1_000);
        Party guest = new Party("g1", ChangeOrigin.GUEST, localText(), 1_000);
        sync.sync("web", List.of(guest), false, output::add);
        assertTrue(Files.exists(engine.actionLog("web").resolveSibling("config.agreed")));

        store.edit("web", config -> config.section("app#1").put("comment", "host side", 0), null);
        localAt(1_500);
        guest.text = EDITED;
        guest.version = 2_000;
        sync.sync("web", List.of(guest), false, output::add);

        assertTrue(said("WARN this node's edit of 1970-01-01T00:25:00Z is overwritten by the newer one of g1"),
                output.toString());
        assertTrue(localText().contains("comment = edited"));
    }

    @Test
    void anUnreachablePartyIsSaidTheOthersAreServedAndNoAgreementIsRecorded() throws IOException {
        localAt(1_000);
        Party down = new Party("n2", ChangeOrigin.PEER, HOST, 500);
        down.down = "node n2 unreachable: connection refused";
        Party older = new Party("n3", ChangeOrigin.PEER, EDITED, 500);

        assertEquals(List.of("n2"), sync.sync("web", List.of(down, older), false, output::add));

        assertTrue(said("WARN not replicated to n2, tried again at the next sync: node n2 unreachable: connection "
                + "refused"), output.toString());
        assertEquals(List.of("1000"), older.received);
        assertFalse(Files.exists(engine.actionLog("web").resolveSibling("config.agreed")));
    }

    @Test
    void aPartyThatMayNotGiveOrTakeIsLeftAlone() throws IOException {
        localAt(1_000);
        Party drp = new Party("d1", ChangeOrigin.PEER, EDITED, 2_000);
        drp.refusal = "a DR node does not give its configuration to the nodes";
        Party node = new Party("n2", ChangeOrigin.PEER, HOST, 500);
        node.takes = false;

        assertEquals(List.of(), sync.sync("web", List.of(drp, node), false, output::add));

        assertTrue(said("d1 has a newer copy, not taken: a DR node does not give its configuration to the nodes"),
                output.toString());
        assertEquals(1_000, localVersion());
        assertEquals(List.of(), node.received);
        assertEquals(List.of(), installs);
    }

    @Test
    void aDryRunSaysWhatWouldMoveAndMovesNothing() throws IOException {
        localAt(1_000);
        byte[] before = Files.readAllBytes(store.file("web"));
        Party newer = new Party("g1", ChangeOrigin.GUEST, EDITED, 2_000);
        Party older = new Party("g2", ChangeOrigin.GUEST, HOST, 500);

        sync.sync("web", List.of(newer, older), true, output::add);

        assertTrue(said("would pull the newer configuration of g1") && said("would push the configuration to g2"),
                output.toString());
        assertArrayEquals(before, Files.readAllBytes(store.file("web")));
        assertEquals(List.of(), older.received);
        assertNull(readAgreed());
    }

    private String readAgreed() throws IOException {
        Path agreed = engine.actionLog("web").resolveSibling("config.agreed");
        return Files.exists(agreed) ? Files.readString(agreed) : null;
    }

    @Test
    void theNewestOfSeveralNewerCopiesWins() throws IOException {
        localAt(1_000);
        Party newer = new Party("n2", ChangeOrigin.PEER, EDITED, 2_000);
        Party newest = new Party("n3", ChangeOrigin.PEER, EDITED.replace("edited", "newest"), 3_000);

        sync.sync("web", List.of(newer, newest), false, output::add);

        assertTrue(localText().contains("comment = newest"));
        assertEquals(3_000, localVersion());
        assertEquals(3_000, newer.version);
        assertEquals(List.of(ChangeOrigin.PEER), installs);
        assertEquals("3000\n", readAgreed(), "every party reached: the newest is the agreed version");
    }
}
