package org.nestor.core.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.command.completers.KeywordScopeCompleter;
import org.nestor.core.config.Keyword;

@Service
@Command(scope = "svc", name = "print-keywords",
        description = "Lists the configuration keywords of the core and of the installed drivers")
public class PrintKeywordsCommand extends SvcCommandSupport {

    @Argument(index = 0, name = "scope",
            description = "DEFAULT, a group (container) or a driver type (container.kvm); all when absent")
    @Completion(KeywordScopeCompleter.class)
    String scope;

    @Override
    protected void run(PrintStream out) {
        int dot = scope == null ? -1 : scope.indexOf('.');
        if (dot > 0) {
            // an alias (container.oci) shows its driver's keywords
            String driverType = keywords.driverType(scope.substring(0, dot), scope.substring(dot + 1));
            scope = driverType != null ? driverType : scope;
        }
        List<Keyword> selected = keywords.keywords().stream().filter(this::selected).toList();
        if (selected.isEmpty()) {
            Set<String> scopes = new TreeSet<>(keywords.driverTypes());
            keywords.keywords().forEach(keyword -> scopes.add(keyword.section()));
            throw new IllegalArgumentException("no keywords for '" + scope + "': known are "
                    + String.join(", ", scopes));
        }
        TextTable table = new TextTable("SECTION", "KEYWORD", "TYPE", "SCOPABLE", "INHERIT", "DEFAULT",
                "DESCRIPTION");
        for (Keyword keyword : selected) {
            String values = keyword.candidates().isEmpty() ? "" : " (" + String.join("|", keyword.candidates()) + ")";
            table.row(keyword.scope(), keyword.name(), keyword.valueType().label(), keyword.scopable() ? "yes" : "no",
                    keyword.inheritance().label(), keyword.defaultValue() == null ? "" : keyword.defaultValue(),
                    keyword.description() + values);
        }
        table.print(out);
    }

    /** A group shows its own keywords and those of every resource; a driver type adds its own. */
    private boolean selected(Keyword keyword) {
        if (scope == null) {
            return true;
        }
        int dot = scope.indexOf('.');
        String group = dot < 0 ? scope : scope.substring(0, dot);
        boolean resourceGroup = !group.equals(Keyword.DEFAULT_SECTION) && !group.equals("subset");
        if (keyword.section().equals(Keyword.ANY_RESOURCE)) {
            return resourceGroup && keywords.driverTypes().stream()
                    .anyMatch(type -> dot < 0 ? type.startsWith(group + ".") : type.equals(scope));
        }
        return keyword.section().equals(group) && (dot < 0 || keyword.type() == null
                || keyword.scope().equals(scope));
    }
}
