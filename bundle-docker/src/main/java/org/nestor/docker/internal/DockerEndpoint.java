package org.nestor.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;

import org.nestor.core.spi.ResourceException;

/**
 * One container's name on one docker host, and the API calls about it: what the container
 * resource and its exec transport share.
 */
final class DockerEndpoint {

    private final DockerClients clients;
    private final String host;
    private final String name;

    DockerEndpoint(DockerClients clients, String host, String name) {
        this.clients = clients;
        this.host = host;
        this.name = name;
    }

    String host() {
        return host;
    }

    String name() {
        return name;
    }

    DockerClient client() throws ResourceException {
        try {
            return clients.client(host);
        } catch (RuntimeException e) {
            throw new ResourceException("docker host " + host + ": " + e.getMessage(), e);
        }
    }

    /** The container as the engine describes it, or null when there is none of that name. */
    InspectContainerResponse inspect() throws ResourceException {
        DockerClient client = client();
        try {
            return call(() -> client.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Forgets the host's client after a transport failure, so that the next call connects again. */
    void drop() {
        clients.drop(host);
    }

    /** An API call: NotFound and NotModified pass as they are, a transport failure drops the client. */
    <T> T call(ApiCall<T> call) throws ResourceException {
        try {
            return call.run();
        } catch (NotFoundException | NotModifiedException e) {
            throw e;
        } catch (DockerException e) {
            throw new ResourceException(name + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            drop();
            throw new ResourceException("docker host " + host + " does not answer: " + firstLine(String.valueOf(
                    e.getMessage())), e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }

    @FunctionalInterface
    interface ApiCall<T> {
        T run();
    }
}
