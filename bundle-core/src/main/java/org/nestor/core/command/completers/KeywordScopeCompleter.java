package org.nestor.core.command.completers;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.KeywordDictionary;

/** Completes print-keywords' scope: DEFAULT, subset, the groups and the installed driver types. */
@Service
public class KeywordScopeCompleter implements Completer {

    @Reference
    KeywordDictionary keywords;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> scopes = new TreeSet<>(keywords.driverTypes());
        keywords.driverTypes().forEach(type -> scopes.add(type.substring(0, type.indexOf('.'))));
        scopes.add(Keyword.DEFAULT_SECTION);
        scopes.add("subset");
        return new StringsCompleter(scopes).complete(session, commandLine, candidates);
    }
}
