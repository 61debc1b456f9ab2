package org.nestor.docker.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/**
 * One API client per docker host, reused by every resource on that host and dropped after a
 * transport failure so that the next call connects again.
 */
final class DockerClients {

    static final String DEFAULT_API_VERSION = "1.41";
    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final Map<String, DockerClient> clients = new ConcurrentHashMap<>();
    private volatile String apiVersion = DEFAULT_API_VERSION;
    private volatile Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);

    void configure(String version, Duration timeout) {
        apiVersion = version;
        connectTimeout = timeout;
        close();
    }

    /** The host a resource uses when it names none: DOCKER_HOST, else the local socket. */
    static String defaultHost() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? DEFAULT_HOST : env.strip();
    }

    DockerClient client(String host) {
        return clients.computeIfAbsent(host, this::open);
    }

    /** Forgets the client of a host after a transport failure. */
    void drop(String host) {
        DockerClient client = clients.remove(host);
        if (client != null) {
            closeQuietly(client);
        }
    }

    void close() {
        clients.keySet().forEach(this::drop);
    }

    private DockerClient open(String host) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).withApiVersion(apiVersion).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).connectionTimeout(connectTimeout).maxConnections(32).build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (Exception e) {
            // a client that cannot close cleanly is gone all the same
        }
    }
}
