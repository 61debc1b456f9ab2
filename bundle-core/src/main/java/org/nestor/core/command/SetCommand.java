package org.nestor.core.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.KeywordCompleter;

@Service
@Command(scope = "svc", name = "set",
        description = "Sets keywords of a service; all changes are validated together and written at once")
public class SetCommand extends ServiceCommandSupport {

    @Option(name = "--kw", description = "SECTION.KEYWORD[@SCOPE]=VALUE (DEFAULT when no section); repeatable",
            required = true, multiValued = true)
    @Completion(KeywordCompleter.class)
    List<String> assignments;

    @Override
    protected void run(PrintStream out) {
        List<KeywordAssignment> parsed = assignments.stream().map(a -> KeywordAssignment.parse(a, true)).toList();
        store.edit(service, config -> parsed.forEach(a -> config.getOrAdd(a.section()).put(a.key(), a.value(), 0)), out::println);
        parsed.forEach(a -> out.println("set " + a.section() + "." + a.key() + " = " + a.value()));
    }
}
