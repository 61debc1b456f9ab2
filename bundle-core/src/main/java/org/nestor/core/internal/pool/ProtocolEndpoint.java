package org.nestor.core.internal.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.internal.Json;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.pool.Cluster;
import org.nestor.core.pool.PeerEndpoint;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.store.ServiceStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link PeerEndpoint}: the requests of {@link PeerProtocol}, answered from this node's services. */
@Component(service = PeerEndpoint.class)
public class ProtocolEndpoint implements PeerEndpoint {

    private final Cluster cluster;
    private final ServiceStore store;
    private final ServiceActions actions;

    @Activate
    public ProtocolEndpoint(@Reference Cluster cluster, @Reference ServiceStore store,
                            @Reference ServiceActions actions) {
        this.cluster = cluster;
        this.store = store;
        this.actions = actions;
    }

    @Override
    public String answer(String request) {
        try {
            return PeerProtocol.result(answer(PeerProtocol.readRequest(request)));
        } catch (RuntimeException | IOException e) {
            return PeerProtocol.error(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private Object answer(Map<String, Object> request) throws IOException {
        String service = (String) request.get("service");
        return switch ((String) request.get("request")) {
            case PeerProtocol.INFO -> Json.parse(cluster.describe(strings(request.get("services")),
                    Boolean.TRUE.equals(request.get("status"))).toJson());
            case PeerProtocol.CONFIG -> Files.readString(existing(service), StandardCharsets.UTF_8);
            case PeerProtocol.INSTALL -> {
                store.install(service, ConfigReader.read((String) request.get("text"), "peer:" + service),
                        Instant.ofEpochSecond((Long) request.get("version")), ChangeOrigin.PEER, line -> { });
                yield true;
            }
            case PeerProtocol.ACTION -> {
                List<String> lines = new ArrayList<>();
                actions.run(service, ServiceAction.valueOf(((String) request.get("action")).toUpperCase(Locale.ROOT)),
                        ActionOptions.all(lines::add));
                yield lines;
            }
            default -> logLines(service);
        };
    }

    private Path existing(String service) {
        store.read(service);
        return store.file(service);
    }

    private List<String> logLines(String service) throws IOException {
        existing(service);
        try {
            return Files.readAllLines(actions.actionLog(service), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
