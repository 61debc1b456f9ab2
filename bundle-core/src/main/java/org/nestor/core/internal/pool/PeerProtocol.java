package org.nestor.core.internal.pool;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestor.core.internal.Json;
import org.nestor.core.pool.PoolException;

/**
 * The peer protocol: how one node asks another, over SSH, by running {@code pool serve} there
 * (in its Karaf console, or its {@code bin/nestor}) with one JSON request on standard input; the
 * answer is one JSON document on standard output. docs/architecture.md lists the requests.
 *
 * <pre>
 * request:  {"protocol": 1, "request": "info",    "services": ["web"], "status": true}
 *           {"protocol": 1, "request": "config",  "service": "web"}
 *           {"protocol": 1, "request": "install", "service": "web", "text": "[DEFAULT]...", "version": 1764680000}
 *           {"protocol": 1, "request": "action",  "service": "web", "action": "start"}
 *           {"protocol": 1, "request": "logs",    "service": "web"}
 * answer:   {"protocol": 1, "result": ...}   (info: the node's description; config: the text;
 *                                            install: true; action, logs: the lines)
 *           {"protocol": 1, "error": "why"}
 * </pre>
 *
 * A request or an answer of another protocol version is refused, naming both versions.
 */
final class PeerProtocol {

    static final int VERSION = 1;
    static final String INFO = "info";
    static final String CONFIG = "config";
    static final String INSTALL = "install";
    static final String ACTION = "action";
    static final String LOGS = "logs";
    static final List<String> REQUESTS = List.of(INFO, CONFIG, INSTALL, ACTION, LOGS);

    private PeerProtocol() {
    }

    /** A request's document: its kind and its fields, in the order given. */
    static String request(String kind, Object... fields) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("protocol", VERSION);
        document.put("request", kind);
        for (int i = 0; i < fields.length; i += 2) {
            document.put((String) fields[i], fields[i + 1]);
        }
        return Json.write(document);
    }

    /**
     * A request as this node reads it.
     *
     * @throws IllegalArgumentException saying what is wrong with it (another version, a kind this
     *                                  node does not know)
     */
    static Map<String, Object> readRequest(String text) {
        Map<String, Object> document = document(text, "request");
        Object version = document.get("protocol");
        if (!Long.valueOf(VERSION).equals(version)) {
            throw new IllegalArgumentException("this node speaks peer protocol " + VERSION + ", the request "
                    + (version == null ? "names none" : "protocol " + version) + ": upgrade the older node");
        }
        if (!REQUESTS.contains(document.get("request"))) {
            throw new IllegalArgumentException("unknown request '" + document.get("request") + "' (known: "
                    + String.join(", ", REQUESTS) + ")");
        }
        return document;
    }

    static String result(Object value) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("protocol", VERSION);
        document.put("result", value);
        return Json.write(document);
    }

    static String error(String message) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("protocol", VERSION);
        document.put("error", message);
        return Json.write(document);
    }

    /**
     * The result of an answer from {@code node}.
     *
     * @throws PoolException with the peer's error, or saying the answer is not of this protocol
     */
    static Object readResult(String node, String text) {
        Map<String, Object> document;
        try {
            document = document(text, "answer");
        } catch (IllegalArgumentException e) {
            throw new PoolException("node " + node + ": " + e.getMessage() + " (does it run a Nestor that speaks "
                    + "peer protocol " + VERSION + "?)", e);
        }
        Object version = document.get("protocol");
        if (!Long.valueOf(VERSION).equals(version)) {
            throw new PoolException("node " + node + " speaks peer protocol " + version + ", this node " + VERSION
                    + ": upgrade the older node");
        }
        if (document.containsKey("error")) {
            throw new PoolException("node " + node + ": " + document.get("error"));
        }
        return document.get("result");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String text, String what) {
        try {
            if (Json.parse(text) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a peer protocol " + what + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("not a peer protocol " + what + ": not a JSON object");
    }
}
