package org.nestor.core.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.nestor.core.pool.PoolException;
import org.junit.jupiter.api.Test;

class PeerProtocolTest {

    @Test
    void aRequestReadsBackWithItsFields() {
        Map<String, Object> request = PeerProtocol.readRequest(PeerProtocol.request(PeerProtocol.INSTALL, "service",
                "web", "text", "[DEFAULT]\nnodes = \"n1\" {x}\n", "version", 1_790_000_000L));
        assertEquals("install", request.get("request"));
        assertEquals("web", request.get("service"));
        assertEquals("[DEFAULT]\nnodes = \"n1\" {x}\n", request.get("text"));
        assertEquals(1_790_000_000L, request.get("version"));
        assertEquals(List.of("a", "b"), PeerProtocol.readRequest(PeerProtocol.request(PeerProtocol.INFO, "services",
                List.of("a", "b"), "status", true)).get("services"));
    }

    @Test
    void aRequestOfAnotherVersionOrKindIsRefused() {
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class,
                () -> PeerProtocol.readRequest("{\"protocol\": 2, \"request\": \"info\"}"));
        assertEquals("this node speaks peer protocol 1, the request protocol 2: upgrade the older node",
                newer.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PeerProtocol.readRequest("{\"request\": "
                + "\"info\"}")).getMessage().contains("names none"));
        assertEquals("unknown request 'reboot' (known: info, config, install, action, logs)",
                assertThrows(IllegalArgumentException.class, () -> PeerProtocol.readRequest(
                        "{\"protocol\": 1, \"request\": \"reboot\"}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PeerProtocol.readRequest("svc start web"))
                .getMessage().startsWith("not a peer protocol request: "));
    }

    @Test
    void anAnswerGivesItsResultOrThePeersError() {
        assertEquals(List.of("line 1", "line 2"), PeerProtocol.readResult("n2",
                PeerProtocol.result(List.of("line 1", "line 2"))));
        assertEquals("node n2: no service 'web'", assertThrows(PoolException.class,
                () -> PeerProtocol.readResult("n2", PeerProtocol.error("no service 'web'"))).getMessage());
    }

    @Test
    void anAnswerOfAnotherProtocolOrNoneIsSaid() {
        assertEquals("node n2 speaks peer protocol 2, this node 1: upgrade the older node", assertThrows(
                PoolException.class, () -> PeerProtocol.readResult("n2", "{\"protocol\": 2, \"result\": true}"))
                .getMessage());
        String usage = assertThrows(PoolException.class, () -> PeerProtocol.readResult("n2",
                "usage: nestor SCOPE COMMAND")).getMessage();
        assertTrue(usage.startsWith("node n2: not a peer protocol answer: ") && usage.endsWith(
                "(does it run a Nestor that speaks peer protocol 1?)"), usage);
    }
}
