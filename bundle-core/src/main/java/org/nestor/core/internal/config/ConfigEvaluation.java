package org.nestor.core.internal.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.nestor.core.config.ConfigException;
import org.nestor.core.config.EvaluatedConfig;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.Inheritance;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.Problem;
import org.nestor.core.config.Section;
import org.nestor.core.config.SectionName;
import org.nestor.core.config.ServiceConfig;

/**
 * Evaluates a service configuration for one node, lazily and memoized.
 *
 * <p>For a keyword in a section: the first present and applicable variant wins, in the order
 * {@code kw@<node>}, {@code kw@nodes}, {@code kw@drpnodes}, {@code kw@encapnodes},
 * {@code kw@flex_primary}, plain {@code kw} (scoped variants only for scopable keywords). A
 * {@code leaf > head} keyword with no variant in its section is looked up the same way in DEFAULT;
 * a {@code head} keyword only in DEFAULT. Then the keyword's default applies.
 *
 * <p>The node lists resolve in the order encapnodes, nodes, drpnodes, flex_primary: while one of
 * them is resolved, only the scopes of the lists before it can apply (so {@code nodes@encapnodes}
 * works).
 *
 * <p>Values then have their references {@code {...}} expanded and their {@code $(expr)} integer
 * expressions computed. Unknown references stay as written; a chain deeper than 20 is an error.
 */
public final class ConfigEvaluation {

    static final int MAX_DEPTH = 20;
    private static final List<String> NODE_LISTS = List.of("encapnodes", "nodes", "drpnodes", "flex_primary");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\{(#?)(?:(upper|lower|capitalize|title|swapcase):)?([A-Za-z0-9_.#:@-]+?)(?:\\[(\\d+)])?}");
    private static final String UNSET = new String("unset");

    private final String service;
    private final ServiceConfig config;
    private final KeywordDictionary dictionary;
    private final EvaluationContext context;
    private final Map<String, String> values = new HashMap<>();
    private final Deque<String> chain = new ArrayDeque<>();

    public ConfigEvaluation(String service, ServiceConfig config, KeywordDictionary dictionary,
                            EvaluationContext context) {
        this.service = service;
        this.config = config;
        this.dictionary = dictionary;
        this.context = context;
    }

    public EvaluationContext context() {
        return context;
    }

    /** The evaluated text of a keyword in a section, or null when it is neither set nor defaulted. */
    public String get(String section, String keyword) {
        String id = section + "." + keyword;
        String cached = values.get(id);
        if (cached != null) {
            return cached == UNSET ? null : cached;
        }
        if (chain.size() >= MAX_DEPTH) {
            throw error(chain.getLast(), "reference recursion deeper than " + MAX_DEPTH + ": "
                    + String.join(" -> ", (Iterable<String>) chain::descendingIterator) + " -> " + id);
        }
        chain.push(id);
        try {
            Located raw = lookup(section, keyword);
            String value = raw == null ? null : expand(raw);
            values.put(id, value == null ? UNSET : value);
            return value;
        } finally {
            chain.pop();
        }
    }

    /** The value converted to the keyword's type (text for keywords the dictionary does not type). */
    public Object typed(String section, String keyword) {
        String value = get(section, keyword);
        if (value == null) {
            return null;
        }
        Keyword declared = keyword(section, keyword);
        if (declared == null) {
            return value;
        }
        try {
            return declared.valueType().convert(value);
        } catch (IllegalArgumentException e) {
            throw error(section + "." + keyword, e.getMessage());
        }
    }

    public List<String> nodes() {
        return words(get(ServiceConfig.DEFAULT, "nodes"));
    }

    public List<String> drpnodes() {
        return words(get(ServiceConfig.DEFAULT, "drpnodes"));
    }

    public List<String> encapnodes() {
        return words(get(ServiceConfig.DEFAULT, "encapnodes"));
    }

    public String flexPrimary() {
        return get(ServiceConfig.DEFAULT, "flex_primary");
    }

    /**
     * Every section with the keywords it sets (scopes resolved away), DEFAULT first and always with
     * the node lists.
     */
    public EvaluatedConfig evaluateAll() {
        List<Section> sections = new ArrayList<>(config.sections());
        if (config.section(ServiceConfig.DEFAULT) == null) {
            sections.add(0, new Section(ServiceConfig.DEFAULT, 0));
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Section section : sections) {
            Set<String> names = new LinkedHashSet<>();
            section.entries().forEach(entry -> names.add(baseName(entry.key())));
            if (section.name().equals(ServiceConfig.DEFAULT)) {
                names.addAll(NODE_LISTS);
            }
            Map<String, Object> evaluated = new LinkedHashMap<>();
            for (String name : names) {
                Object value = typed(section.name(), name);
                if (value != null) {
                    evaluated.put(name, value);
                }
            }
            result.put(section.name(), evaluated);
        }
        return new EvaluatedConfig(result);
    }

    /** A written key without its scope: {@code nodes@encapnodes} is {@code nodes}. */
    public static String baseName(String key) {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }

    /** A raw value and where it was found. */
    private record Located(String value, String section, String key, int line) {
    }

    private Located lookup(String section, String keyword) {
        Keyword declared = keyword(section, keyword);
        boolean scopable = declared != null && declared.scopable();
        Inheritance inheritance = declared == null ? Inheritance.LEAF : declared.inheritance();
        String target = inheritance == Inheritance.HEAD ? ServiceConfig.DEFAULT : section;
        Located found = scoped(target, keyword, scopable);
        if (found == null && inheritance == Inheritance.LEAF_HEAD && !target.equals(ServiceConfig.DEFAULT)) {
            found = scoped(ServiceConfig.DEFAULT, keyword, scopable);
        }
        if (found == null && declared != null && declared.defaultValue() != null) {
            found = new Located(declared.defaultValue(), target, keyword, 0);
        }
        return found;
    }

    private Located scoped(String sectionName, String keyword, boolean scopable) {
        Section section = config.section(sectionName);
        if (section == null) {
            return null;
        }
        if (scopable) {
            int listIndex = sectionName.equals(ServiceConfig.DEFAULT) ? NODE_LISTS.indexOf(keyword) : -1;
            for (String scope : scopesInPrecedence(listIndex)) {
                Section.Entry entry = section.entry(keyword + "@" + scope);
                if (entry != null && applies(scope)) {
                    return new Located(entry.value(), sectionName, entry.key(), entry.line());
                }
            }
        }
        Section.Entry entry = section.entry(keyword);
        return entry == null ? null : new Located(entry.value(), sectionName, entry.key(), entry.line());
    }

    /** Scopes usable while resolving the node list at {@code listIndex} (-1: any other keyword). */
    private List<String> scopesInPrecedence(int listIndex) {
        List<String> usable = listIndex < 0 ? NODE_LISTS : NODE_LISTS.subList(0, listIndex);
        return Stream.concat(Stream.of(context.nodename()),
                Stream.of("nodes", "drpnodes", "encapnodes", "flex_primary").filter(usable::contains)).toList();
    }

    private boolean applies(String scope) {
        return switch (scope) {
            case "nodes" -> nodes().contains(context.nodename());
            case "drpnodes" -> drpnodes().contains(context.nodename());
            case "encapnodes" -> encapnodes().contains(context.nodename());
            case "flex_primary" -> context.nodename().equals(flexPrimary());
            default -> true;
        };
    }

    /** The keyword as declared for the section; a head keyword (nodes, topology...) from any section. */
    private Keyword keyword(String section, String keyword) {
        Section found = config.section(section);
        Keyword declared = dictionary.find(section, found == null ? null : found.get("type"), keyword);
        if (declared == null) {
            Keyword head = dictionary.find(ServiceConfig.DEFAULT, null, keyword);
            return head != null && head.inheritance() == Inheritance.HEAD ? head : null;
        }
        return declared;
    }

    private String expand(Located raw) {
        Matcher reference = REFERENCE.matcher(raw.value());
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String replacement = resolveReference(raw.section(), reference);
            reference.appendReplacement(out, Matcher.quoteReplacement(
                    replacement == null ? reference.group() : replacement));
        }
        reference.appendTail(out);
        try {
            return computeExpressions(out.toString());
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw error(raw.section() + "." + raw.key(), e.getMessage());
        }
    }

    private String resolveReference(String section, Matcher reference) {
        String value = referencedValue(section, reference.group(3));
        if (value == null) {
            return null;
        }
        if (reference.group(4) != null) {
            List<String> words = words(value);
            int index = Integer.parseInt(reference.group(4));
            if (index >= words.size()) {
                return null;
            }
            value = words.get(index);
        }
        if (!reference.group(1).isEmpty()) {
            return Integer.toString(words(value).size());
        }
        return reference.group(2) == null ? value : modify(reference.group(2), value);
    }

    private String referencedValue(String section, String name) {
        switch (name) {
            case "nodename":
                return context.nodename();
            case "svcname", "name":
                return service;
            case "rid":
                return section;
            case "rindex":
                SectionName parsed = SectionName.parse(section);
                return parsed.isResource() ? parsed.index() : null;
            case "clusternodes":
                return String.join(" ", context.clusterNodes());
            case "clusterdrpnodes":
                return String.join(" ", context.clusterDrpNodes());
            case "nodes", "drpnodes", "encapnodes":
                return String.join(" ", words(get(ServiceConfig.DEFAULT, name)));
            default:
                break;
        }
        if (name.startsWith("env.")) {
            String variable = name.substring(4);
            String fromOs = context.environment().apply(variable.toUpperCase(Locale.ROOT));
            return fromOs != null ? fromOs : get(ServiceConfig.ENV, variable);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String other = name.substring(0, dot);
            return config.section(other) == null && !other.equals(ServiceConfig.DEFAULT)
                    ? null : get(other, name.substring(dot + 1));
        }
        String value = get(section, name);
        return value != null || section.equals(ServiceConfig.DEFAULT) ? value : get(ServiceConfig.DEFAULT, name);
    }

    private static String modify(String modifier, String value) {
        return switch (modifier) {
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "lower" -> value.toLowerCase(Locale.ROOT);
            case "capitalize" -> capitalize(value);
            case "title" -> Arrays.stream(value.split(" ", -1)).map(ConfigEvaluation::capitalize)
                    .collect(Collectors.joining(" "));
            default -> value.codePoints()
                    .map(c -> Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        };
    }

    private static String capitalize(String value) {
        return value.isEmpty() ? value
                : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Replaces each {@code $(...)} that is an integer expression by its value. */
    private static String computeExpressions(String value) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int start;
        while ((start = value.indexOf("$(", from)) >= 0) {
            int end = closingParen(value, start + 2);
            if (end < 0) {
                break;
            }
            out.append(value, from, start);
            String body = value.substring(start + 2, end);
            try {
                out.append(IntegerExpression.evaluate(body));
            } catch (IntegerExpression.NotAnExpression e) {
                out.append(value, start, end + 1);
            }
            from = end + 1;
        }
        return out.append(value.substring(from)).toString();
    }

    private static int closingParen(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /** An error about {@code section.keyword} (the id used in the chain), located at its line. */
    private ConfigException error(String id, String message) {
        int dot = id.indexOf('.');
        String section = id.substring(0, dot);
        String keyword = id.substring(dot + 1);
        Section found = config.section(section);
        int line = found == null ? 0 : found.entries().stream()
                .filter(entry -> entry.key().equals(keyword) || baseName(entry.key()).equals(keyword))
                .mapToInt(Section.Entry::line).findFirst().orElse(0);
        return new ConfigException(new Problem(config.source(), line, section, keyword, message));
    }
}
