package org.nestor.core.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.nestor.core.config.Inheritance;
import org.nestor.core.config.Keyword;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.Problem;
import org.nestor.core.config.Section;
import org.nestor.core.config.SectionName;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.spi.Drivers;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The drivers present (whiteboard services in OSGi, META-INF/services entries under bin/nestor) and
 * the keyword dictionary over them and the core. Each change of drivers swaps in a new index.
 */
@Component(service = {KeywordDictionary.class, Drivers.class})
public class DriverRegistry implements KeywordDictionary, Drivers {

    private final List<ResourceDriver> drivers = new CopyOnWriteArrayList<>();
    private volatile Index index = new Index(List.of());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addDriver(ResourceDriver driver) {
        drivers.add(driver);
        index = new Index(drivers);
    }

    public void removeDriver(ResourceDriver driver) {
        drivers.remove(driver);
        index = new Index(drivers);
    }

    @Override
    public List<Keyword> keywords() {
        return index.all;
    }

    @Override
    public ResourceDriver driver(String driverType) {
        return index.driversByType.get(driverType);
    }

    @Override
    public Set<String> driverTypes() {
        return index.driverTypes;
    }

    @Override
    public String driverType(String group, String typeValue) {
        return index.driverType(group, typeValue);
    }

    @Override
    public Keyword find(String section, String typeValue, String name) {
        return index.find(SectionName.parse(section), typeValue, name);
    }

    @Override
    public List<Problem> validate(ServiceConfig config) {
        Index current = index;
        List<Problem> problems = new ArrayList<>();
        for (Section section : config.sections()) {
            new SectionCheck(current, config.source(), section, problems).run();
        }
        return problems;
    }

    /** An immutable view of the keywords for one set of drivers. */
    private static final class Index {
        private final List<Keyword> all = new ArrayList<>(CoreKeywords.all());
        private final Map<String, Keyword> defaults = new LinkedHashMap<>();
        private final Map<String, Keyword> common = new LinkedHashMap<>();
        private final Map<String, Keyword> subset = new LinkedHashMap<>();
        private final Map<String, Map<String, Keyword>> byDriverType = new HashMap<>();
        private final Map<String, String> typeNames = new HashMap<>();
        private final Set<String> driverTypes = new TreeSet<>();
        private final Map<String, ResourceDriver> driversByType = new HashMap<>();

        Index(Collection<ResourceDriver> drivers) {
            drivers.stream().sorted(Comparator.comparing(d -> d.group() + "." + d.type())).forEach(driver -> {
                String driverType = driver.group() + "." + driver.type();
                driverTypes.add(driverType);
                driversByType.put(driverType, driver);
                typeNames.put(driverType, driverType);
                driver.aliases().forEach(alias -> typeNames.put(driver.group() + "." + alias, driverType));
                Map<String, Keyword> own = byDriverType.computeIfAbsent(driverType, t -> new LinkedHashMap<>());
                List<Keyword> declared = driver.keywords();
                declared.forEach(keyword -> own.put(keyword.name(), keyword));
                all.addAll(declared);
            });
            for (Keyword keyword : all) {
                if (keyword.section().equals(Keyword.DEFAULT_SECTION)
                        || keyword.inheritance() == Inheritance.LEAF_HEAD) {
                    defaults.putIfAbsent(keyword.name(), keyword);
                }
                if (keyword.section().equals(Keyword.ANY_RESOURCE)) {
                    common.put(keyword.name(), keyword);
                } else if (keyword.section().equals("subset")) {
                    subset.put(keyword.name(), keyword);
                }
            }
        }

        String driverType(String group, String typeValue) {
            String type = typeValue == null ? SectionName.defaultType(group) : typeValue;
            return type == null ? null : typeNames.get(group + "." + type);
        }

        Keyword find(SectionName section, String typeValue, String name) {
            switch (section.kind()) {
                case DEFAULT:
                    return defaults.get(name);
                case SUBSET:
                    return subset.get(name);
                case RESOURCE:
                    Keyword keyword = common.get(name);
                    if (keyword != null) {
                        return keyword;
                    }
                    String driverType = driverType(section.group(), typeValue);
                    return driverType == null ? null : byDriverType.get(driverType).get(name);
                default:
                    return null;
            }
        }

        /** Types of a group for suggestions, without the group prefix. */
        Set<String> typesOf(String group) {
            return typeNames.keySet().stream().filter(name -> name.startsWith(group + "."))
                    .map(name -> name.substring(group.length() + 1))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> namesFor(SectionName section, String typeValue) {
            Set<String> names = new TreeSet<>();
            switch (section.kind()) {
                case DEFAULT -> names.addAll(defaults.keySet());
                case SUBSET -> names.addAll(subset.keySet());
                case RESOURCE -> {
                    names.addAll(common.keySet());
                    String driverType = driverType(section.group(), typeValue);
                    if (driverType != null) {
                        names.addAll(byDriverType.get(driverType).keySet());
                    }
                }
                default -> {
                }
            }
            return names;
        }
    }

    /** The checks of one section, adding to a shared problem list. */
    private static final class SectionCheck {
        private final Index index;
        private final String source;
        private final Section section;
        private final List<Problem> problems;

        SectionCheck(Index index, String source, Section section, List<Problem> problems) {
            this.index = index;
            this.source = source;
            this.section = section;
            this.problems = problems;
        }

        void run() {
            SectionName name = SectionName.parse(section.name());
            switch (name.kind()) {
                case ENV:
                    return;
                case INVALID:
                    reportInvalidName();
                    return;
                case RESOURCE, SUBSET:
                    if (!SectionName.GROUPS.contains(name.group())) {
                        report(section.line(), null, "unknown resource group '" + name.group() + "'"
                                + Suggestions.didYouMean(name.group(), SectionName.GROUPS));
                        return;
                    }
                    if (name.isResource() && !checkType(name)) {
                        return;
                    }
                    break;
                default:
                    break;
            }
            String typeValue = section.get("type");
            for (Section.Entry entry : section.entries()) {
                checkEntry(name, typeValue, entry);
            }
        }

        private void reportInvalidName() {
            String written = section.name();
            int hash = written.indexOf('#');
            String suggestion = hash > 0
                    ? Suggestions.didYouMean(written.substring(0, hash), SectionName.GROUPS)
                    : Suggestions.didYouMean(written, List.of(ServiceConfig.DEFAULT, ServiceConfig.ENV));
            report(section.line(), null, "unknown section '" + written
                    + "': expected DEFAULT, env, <group>#<index> or subset#<group>:<name>" + suggestion);
        }

        /** Reports a type no installed driver serves; true when the type is served. */
        private boolean checkType(SectionName name) {
            String typeValue = section.get("type");
            if (index.driverType(name.group(), typeValue) != null) {
                return true;
            }
            Set<String> types = index.typesOf(name.group());
            String installed = types.isEmpty() ? "no " + name.group() + " driver is installed"
                    : "installed: " + String.join(", ", types);
            if (typeValue == null) {
                report(section.line(), null, "missing keyword 'type': the " + name.group()
                        + " group has no default type (" + installed + ")");
            } else {
                report(section.entry("type").line(), "type", "unknown type '" + typeValue + "' for group '"
                        + name.group() + "'" + Suggestions.didYouMean(typeValue, types) + " (" + installed + ")");
            }
            return false;
        }

        private void checkEntry(SectionName name, String typeValue, Section.Entry entry) {
            String key = entry.key();
            int at = key.indexOf('@');
            String base = at < 0 ? key : key.substring(0, at);
            Keyword keyword = index.find(name, typeValue, base);
            if (keyword == null) {
                Keyword head = index.defaults.get(base);
                if (name.isResource() && head != null && head.inheritance() == Inheritance.HEAD) {
                    report(entry.line(), key, "keyword '" + base + "' belongs in the DEFAULT section");
                } else {
                    report(entry.line(), key, "unknown keyword" + Suggestions.didYouMean(base,
                            index.namesFor(name, typeValue)));
                }
                return;
            }
            if (at >= 0 && (!keyword.scopable() || at == key.length() - 1)) {
                report(entry.line(), key, keyword.scopable() ? "empty scope after '@'"
                        : "keyword '" + base + "' is not scopable");
                return;
            }
            String driverType = keyword.type() == null || !name.isResource() ? null
                    : index.driverType(name.group(), typeValue);
            checkLiteral(keyword, entry, driverType == null ? null : index.driversByType.get(driverType));
        }

        /** Values with references or expressions are checked when evaluated. */
        private void checkLiteral(Keyword keyword, Section.Entry entry, ResourceDriver driver) {
            String value = entry.value();
            if (value.contains("{") || value.contains("$(")) {
                return;
            }
            try {
                keyword.valueType().convert(value);
            } catch (IllegalArgumentException e) {
                report(entry.line(), entry.key(), e.getMessage());
                return;
            }
            if (!keyword.candidates().isEmpty() && !keyword.candidates().contains(value.strip())) {
                report(entry.line(), entry.key(), "'" + value + "' is not one of "
                        + String.join(", ", keyword.candidates()));
                return;
            }
            String problem = driver == null ? null : driver.checkValue(keyword.name(), value);
            if (problem != null) {
                report(entry.line(), entry.key(), problem);
            }
        }

        private void report(int line, String keyword, String message) {
            problems.add(new Problem(source, line, section.name(), keyword, message));
        }
    }
}
