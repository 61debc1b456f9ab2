package org.nestor.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.nestor.core.spi.CommandResult;

/**
 * What the resources of {@link FakeDriver}s stand for, shared by the drivers of a test: which
 * resources are up and provisioned, the calls they received in order, how their guests answer and
 * the files in them.
 * Resources are known by service and rid; the calls name the rid only ({@code "start ip#1"}).
 */
public final class FakeWorld {

    private final Map<String, Boolean> up = new ConcurrentHashMap<>();
    private final Set<String> unprovisioned = ConcurrentHashMap.newKeySet();
    /** Null when calls are not recorded. */
    private final List<String> calls;
    private volatile Function<List<String>, CommandResult> guest = argv -> new CommandResult(0, "", "", false);
    /** Guests that answer on their own, by service and container rid. */
    private final Map<String, Function<List<String>, CommandResult>> guests = new ConcurrentHashMap<>();
    /** The guests' files, by service, container rid and path. */
    private final Map<String, byte[]> guestFiles = new ConcurrentHashMap<>();

    private FakeWorld(boolean recording) {
        calls = recording ? Collections.synchronizedList(new ArrayList<>()) : null;
    }

    /** A world that records every call. */
    public FakeWorld() {
        this(true);
    }

    /** A world that records nothing: a benchmark's, whose resources are started millions of times. */
    public static FakeWorld unrecorded() {
        return new FakeWorld(false);
    }

    /** The calls received so far, in order: "start ip#1", "provision fs#1", "exec container#1 hostname". */
    public List<String> calls() {
        List<String> recorded = recorded();
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public void clearCalls() {
        recorded().clear();
    }

    private List<String> recorded() {
        if (calls == null) {
            throw new IllegalStateException("this world records no calls");
        }
        return calls;
    }

    public boolean isUp(String service, String rid) {
        return up.getOrDefault(key(service, rid), false);
    }

    /** Sets a resource up or down behind the engine's back, as an operator or a crash would. */
    public void setUp(String service, String rid, boolean isUp) {
        up.put(key(service, rid), isUp);
    }

    public boolean isProvisioned(String service, String rid) {
        return !unprovisioned.contains(key(service, rid));
    }

    /** Every resource is provisioned unless set otherwise here. */
    public void setProvisioned(String service, String rid, boolean provisioned) {
        if (provisioned) {
            unprovisioned.remove(key(service, rid));
        } else {
            unprovisioned.add(key(service, rid));
        }
    }

    /** How the guests of container resources answer a command (by default: exit 0, no output). */
    public void answerGuests(Function<List<String>, CommandResult> answer) {
        guest = answer;
    }

    /** How the guest of one container answers, instead of what {@link #answerGuests} says for all of them. */
    public void answerGuest(String service, String rid, Function<List<String>, CommandResult> answer) {
        guests.put(key(service, rid), answer);
    }

    /** A file in the guest of a container, as a test or a copy-in wrote it; null when there is none. */
    public byte[] guestFile(String service, String rid, String path) {
        return guestFiles.get(key(service, rid) + ":" + path);
    }

    /** Writes a file in the guest of a container, as an administrator inside it would. */
    public void writeGuestFile(String service, String rid, String path, byte[] content) {
        guestFiles.put(key(service, rid) + ":" + path, content.clone());
    }

    CommandResult guestAnswer(String service, String rid, List<String> argv) {
        return guests.getOrDefault(key(service, rid), guest).apply(argv);
    }

    void record(String call) {
        if (calls != null) {
            calls.add(call);
        }
    }

    private static String key(String service, String rid) {
        return service + "/" + rid;
    }
}
