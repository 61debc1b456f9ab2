package org.nestor.core.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.KeywordCompleter;
import org.nestor.core.config.Section;
import org.nestor.core.store.StoreException;

@Service
@Command(scope = "svc", name = "unset",
        description = "Removes keywords from a service; the result is validated before it is written")
public class UnsetCommand extends ServiceCommandSupport {

    @Option(name = "--kw", description = "SECTION.KEYWORD[@SCOPE] (DEFAULT when no section); repeatable",
            required = true, multiValued = true)
    @Completion(KeywordCompleter.class)
    List<String> targets;

    @Override
    protected void run(PrintStream out) {
        List<KeywordAssignment> parsed = targets.stream().map(t -> KeywordAssignment.parse(t, false)).toList();
        store.edit(service, config -> parsed.forEach(target -> {
            Section section = config.section(target.section());
            if (section == null || !section.remove(target.key())) {
                throw new StoreException(target.section() + "." + target.key() + " is not set in service " + service);
            }
        }), out::println);
        parsed.forEach(target -> out.println("unset " + target.section() + "." + target.key()));
    }
}
