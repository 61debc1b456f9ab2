package org.nestor.docker.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.ContainerDriver;
import org.nestor.core.spi.ContainerResource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** {@code container.docker} (alias {@code oci}): containers through the Docker Engine API. */
@Component(service = {ResourceDriver.class, DockerDriver.class}, configurationPid = DockerConfiguration.PID)
@Designate(ocd = DockerConfiguration.class)
public class DockerDriver implements ContainerDriver {

    static final String TYPE = "docker";

    private static final List<Keyword> KEYWORDS = declareKeywords();

    private final DockerClients clients = new DockerClients();

    /** For bin/nestor (META-INF/services) and tests: API version and timeouts by default. */
    public DockerDriver() {
    }

    @Activate
    @Modified
    void configure(DockerConfiguration configuration) {
        clients.configure(configuration.apiVersion().strip(), Duration.ofSeconds(configuration.connectTimeout()));
    }

    @Deactivate
    void close() {
        clients.close();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> aliases() {
        return List.of("oci");
    }

    @Override
    public List<Keyword> keywords() {
        return KEYWORDS;
    }

    @Override
    public String checkValue(String keyword, String value) {
        if (!keyword.equals("run_args")) {
            return null;
        }
        try {
            RunArgs.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public ContainerResource create(ResourceContext context) throws ResourceException {
        return new DockerContainer(context, clients);
    }

    /** The host of resources that name none: DOCKER_HOST, else the local socket. */
    public static String defaultHost() {
        return DockerClients.defaultHost();
    }

    /**
     * The containers labelled with a Nestor service on a docker host, running or not.
     *
     * @throws RuntimeException when the host does not answer
     */
    public List<ServiceContainer> serviceContainers(String host) {
        try {
            return clients.client(host).listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(DockerContainer.SERVICE_LABEL)).exec().stream()
                    .map(c -> new ServiceContainer(c.getLabels().get(DockerContainer.SERVICE_LABEL),
                            c.getLabels().get(DockerContainer.RID_LABEL),
                            c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", ""),
                            c.getImage(), c.getState()))
                    .sorted(Comparator.comparing(ServiceContainer::service).thenComparing(ServiceContainer::rid))
                    .toList();
        } catch (RuntimeException e) {
            clients.drop(host);
            throw e;
        }
    }

    private static List<Keyword> declareKeywords() {
        List<Keyword> keywords = new ArrayList<>(ContainerDriver.commonKeywords(TYPE,
                "Container name; default: <service>.container.<index>"));
        keywords.add(keyword("image", ValueType.STRING, "Image the container is created from"));
        keywords.add(keyword("command", ValueType.STRING, "Argument vector run in place of the image's command"));
        keywords.add(keyword("run_args", ValueType.STRING, "docker run flags: " + String.join(", ", RunArgs.SUPPORTED)));
        keywords.add(keyword("rm", ValueType.BOOL, "Remove the container before start and after stop")
                .withDefault("false"));
        keywords.add(keyword("pull", ValueType.BOOL, "Pull the image when the host does not have it")
                .withDefault("false"));
        keywords.add(keyword("netns", ValueType.STRING, "Network namespace: container#N (share that container's), "
                + "host, none, or a network name"));
        keywords.add(keyword("docker_host", ValueType.STRING, "Docker Engine API address; default: DOCKER_HOST, "
                + "else " + DockerClients.DEFAULT_HOST));
        keywords.add(keyword("detach", ValueType.BOOL, "false: start runs the container to its end (within "
                + "start_timeout) and fails unless it exits 0, as docker run without -d").withDefault("true"));
        return List.copyOf(keywords);
    }

    private static Keyword keyword(String name, ValueType valueType, String description) {
        return Keyword.of("container", name, valueType, description).forType(TYPE).asScopable();
    }
}
