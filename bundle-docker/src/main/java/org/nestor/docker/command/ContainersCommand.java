package org.nestor.docker.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.config.Section;
import org.nestor.core.config.SectionName;
import org.nestor.core.spi.Drivers;
import org.nestor.core.store.ServiceStore;
import org.nestor.docker.internal.DockerDriver;
import org.nestor.docker.internal.ServiceContainer;

/**
 * {@code docker:containers}: the containers Nestor's services own (label org.nestor.service) on
 * the default docker host and on every host a stored service names, with their state.
 */
@Service
@Command(scope = "docker", name = "containers", description = "Lists the containers of Nestor services with their state")
public class ContainersCommand implements Action {

    @Reference
    ServiceStore store;

    @Reference
    Drivers drivers;

    @Option(name = "--host", description = "Docker Engine API to ask (default: DOCKER_HOST or the local socket, and "
            + "the docker_host of the stored services); repeatable", multiValued = true)
    List<String> hosts;

    @Override
    public Object execute() {
        if (!(drivers.driver("container.docker") instanceof DockerDriver driver)) {
            throw new IllegalStateException("the docker driver is not installed (feature nestor-docker)");
        }
        String format = "%-16s %-14s %-32s %-28s %s%n";
        System.out.printf(format, "SERVICE", "RID", "NAME", "IMAGE", "STATE");
        for (String host : hosts()) {
            try {
                for (ServiceContainer container : driver.serviceContainers(host)) {
                    System.out.printf(format, container.service(), container.rid(), container.name(),
                            container.image(), container.state());
                }
            } catch (RuntimeException e) {
                System.out.println(host + ": does not answer: " + e.getMessage());
            }
        }
        return null;
    }

    /** The hosts asked: those given, else the default one and those written in the stored services. */
    private Set<String> hosts() {
        if (hosts != null && !hosts.isEmpty()) {
            return new LinkedHashSet<>(hosts);
        }
        Set<String> found = new LinkedHashSet<>(List.of(DockerDriver.defaultHost()));
        for (String service : store.list()) {
            for (Section section : store.read(service).sections()) {
                String host = section.get("docker_host");
                if (SectionName.parse(section.name()).isResource() && host != null && !host.contains("{")) {
                    found.add(host.strip());
                }
            }
        }
        return found;
    }
}
