package org.nestor.core.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.nestor.core.command.completers.ServiceNameCompleter;

/** Base of the commands that act on one stored service, named by their only argument. */
public abstract class ServiceCommandSupport extends SvcCommandSupport {

    @Argument(index = 0, name = "service", description = "Name of a stored service", required = true)
    @Completion(ServiceNameCompleter.class)
    protected String service;
}
