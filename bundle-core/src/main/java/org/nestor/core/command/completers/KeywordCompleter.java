package org.nestor.core.command.completers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.Section;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.store.ServiceStore;

/**
 * Completes {@code --kw SECTION.KEYWORD=} with the keywords valid in each section of the service
 * named on the command line, and the keywords already set there.
 */
@Service
public class KeywordCompleter implements Completer {

    @Reference
    ServiceStore store;

    @Reference
    KeywordDictionary keywords;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        Optional<String> service = Arrays.stream(commandLine.getArguments())
                .filter(argument -> store.list().contains(argument)).findFirst();
        List<String> words = new ArrayList<>();
        if (service.isPresent()) {
            ServiceConfig config = store.read(service.get());
            if (config.section(ServiceConfig.DEFAULT) == null) {
                config.getOrAdd(ServiceConfig.DEFAULT);
            }
            for (Section section : config.sections()) {
                TreeSet<String> names = new TreeSet<>();
                section.entries().forEach(entry -> names.add(entry.key()));
                keywords.keywords().stream()
                        .filter(k -> keywords.find(section.name(), section.get("type"), k.name()) == k)
                        .forEach(k -> names.add(k.name()));
                names.forEach(name -> words.add(section.name() + "." + name + "="));
            }
        }
        return new StringsCompleter(words).complete(session, commandLine, candidates);
    }
}
