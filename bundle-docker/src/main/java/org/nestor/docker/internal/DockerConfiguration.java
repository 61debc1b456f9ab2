package org.nestor.docker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the docker driver reaches Docker Engine APIs ({@code etc/org.nestor.docker.cfg}). */
@ObjectClassDefinition(name = "Nestor Docker driver", description = "How container.docker reaches Docker Engine APIs")
public @interface DockerConfiguration {

    String PID = "org.nestor.docker";

    @AttributeDefinition(description = "Docker Engine API version spoken (podman's compatible API serves 1.41)")
    String apiVersion() default DockerClients.DEFAULT_API_VERSION;

    @AttributeDefinition(description = "Seconds to wait for a connection to the API before giving up")
    int connectTimeout() default DockerClients.DEFAULT_CONNECT_TIMEOUT_SECONDS;
}
