package org.nestor.core.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.nestor.core.command.completers.ServiceNameCompleter;
import org.nestor.core.config.ConfigException;
import org.nestor.core.config.Problem;
import org.nestor.core.config.ServiceConfig;

@Service
@Command(scope = "svc", name = "validate",
        description = "Checks a stored service or a configuration file; prints every problem with its place")
public class ValidateCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "service", description = "Stored service to check")
    @Completion(ServiceNameCompleter.class)
    String service;

    @Option(name = "--config", description = "Configuration file (INI or JSON) to check, or - for standard input")
    @Completion(FileCompleter.class)
    String config;

    @Override
    protected void run(PrintStream out) {
        if ((service == null) == (config == null)) {
            throw new IllegalArgumentException("give either a service name or --config FILE");
        }
        ServiceConfig checked = service != null ? store.read(service) : readConfig(config);
        List<Problem> problems = store.validate(service != null ? service : nameOf(config), checked);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        out.println(checked.source() + ": valid");
    }

    /** The service name a file would be created under, for {svcname} references. */
    private static String nameOf(String file) {
        if (STDIN.equals(file)) {
            return "stdin";
        }
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
