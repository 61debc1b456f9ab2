package org.nestor.core.command.completers;

import java.util.List;
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
 * Completes {@code --kw SECTION.KEYWORD=} with the keywords valid in each section, and those already
 * set there, of the service named on the command line; in the console options come before the
 * name, so while none is named yet, of every stored service.
 */
@Service
public class KeywordCompleter implements Completer {

    @Reference
    ServiceStore store;

    @Reference
    KeywordDictionary keywords;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> words = new TreeSet<>();
        for (String service : ServiceNameCompleter.servicesOnTheLine(store, commandLine)) {
            ServiceConfig config = store.read(service);
            config.getOrAdd(ServiceConfig.DEFAULT);
            for (Section section : config.sections()) {
                section.entries().forEach(entry -> words.add(section.name() + "." + entry.key() + "="));
                keywords.keywords().stream()
                        .filter(k -> k.equals(keywords.find(section.name(), section.get("type"), k.name())))
                        .forEach(k -> words.add(section.name() + "." + k.name() + "="));
            }
        }
        return new StringsCompleter(words).complete(session, commandLine, candidates);
    }
}
