package org.nestor.lxc.internal;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** {@code container.lxc}: LXC containers through the lxc tools. */
@Component(service = ResourceDriver.class, configurationPid = LxcConfiguration.PID)
@Designate(ocd = LxcConfiguration.class)
public class LxcDriver implements ContainerDriver {

    static final String TYPE = "lxc";

    private static final List<Keyword> KEYWORDS = declareKeywords();

    private volatile Path toolsDirectory;

    /** For bin/nestor (META-INF/services) and tests: the tools come from the PATH. */
    public LxcDriver() {
    }

    LxcDriver(Path toolsDirectory) {
        this.toolsDirectory = toolsDirectory;
    }

    @Activate
    @Modified
    void configure(LxcConfiguration configuration) {
        String directory = configuration.toolsDirectory().strip();
        toolsDirectory = directory.isEmpty() ? null : Path.of(directory);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Keyword> keywords() {
        return KEYWORDS;
    }

    @Override
    public ContainerResource create(ResourceContext context) throws ResourceException {
        return new LxcContainer(context, toolsDirectory);
    }

    private static List<Keyword> declareKeywords() {
        List<Keyword> keywords = new ArrayList<>(ContainerDriver.commonKeywords(TYPE,
                "Container name (lxc-start -n); default: the service name"));
        keywords.add(keyword("cf", "Configuration file: the base config given to lxc-create -f on provision; given to lxc-start -f when "
                + "the container has no config of its own in the lxc path"));
        keywords.add(keyword("container_data_dir", "Directory of the containers (lxc -P); default: lxc's own"));
        keywords.add(keyword("rcmd", "Argument vector that replaces 'lxc-attach -n NAME --clear-env --' to run "
                + "commands in the container"));
        keywords.add(keyword("template", "lxc-create template used by svc provision (busybox, download...)"));
        keywords.add(keyword("template_options", "Arguments given to the template after --"));
        return List.copyOf(keywords);
    }

    private static Keyword keyword(String name, String description) {
        return Keyword.of("container", name, ValueType.STRING, description).forType(TYPE).asScopable();
    }
}
