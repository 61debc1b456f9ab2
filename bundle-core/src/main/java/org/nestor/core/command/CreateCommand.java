package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.nestor.core.store.ServiceNames;
import org.nestor.core.store.StoreException;

@Service
@Command(scope = "svc", name = "create",
        description = "Creates a service from an INI or JSON configuration, validated before it is stored")
public class CreateCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "service", description = "Name of the new service", required = true)
    String service;

    @Option(name = "--config", description = "Configuration file (INI or JSON), or - for standard input",
            required = true)
    @Completion(FileCompleter.class)
    String config;

    @Option(name = "--force", description = "Replace the service when it exists")
    boolean force;

    @Override
    protected void run(PrintStream out) {
        ServiceNames.check(service);
        boolean existed = store.exists(service);
        if (existed && !force) {
            throw new StoreException("service '" + service + "' exists: use --force to replace it");
        }
        store.create(service, readConfig(config), force, out::println);
        out.println((existed ? "replaced" : "created") + " service " + service + " (" + store.file(service) + ")");
    }
}
