package org.nestor.core.internal.launcher;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * Prepares a Karaf action outside Karaf: injects its {@link Reference} fields from the given
 * services and binds the command line to its {@link Option} and {@link Argument} fields, with the
 * same rules as the console ({@code --name value}, {@code --name=value}, boolean flags,
 * repeatable multi-valued options, {@code --} ending the options).
 */
final class ActionBinder {

    private final Class<? extends Action> type;
    private final Command command;
    private final Map<String, Field> options = new LinkedHashMap<>();
    private final List<Field> arguments = new ArrayList<>();
    private final List<Field> references = new ArrayList<>();

    ActionBinder(Class<? extends Action> type) {
        this.type = type;
        this.command = type.getAnnotation(Command.class);
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    options.put(option.name(), field);
                    for (String alias : option.aliases()) {
                        options.put(alias, field);
                    }
                }
                if (field.isAnnotationPresent(Argument.class)) {
                    arguments.add(field);
                }
                if (field.isAnnotationPresent(Reference.class)) {
                    references.add(field);
                }
                field.setAccessible(true);
            }
        }
        arguments.sort(Comparator.comparingInt(f -> f.getAnnotation(Argument.class).index()));
    }

    String qualifiedName() {
        return command.scope() + ":" + command.name();
    }

    Command command() {
        return command;
    }

    Class<? extends Action> type() {
        return type;
    }

    /** A new action with its references injected and the words bound. */
    Action bind(List<String> words, Map<Class<?>, Object> services) throws UsageException, ReflectiveOperationException {
        Action action = type.getDeclaredConstructor().newInstance();
        for (Field field : references) {
            Object service = services.get(field.getType());
            if (service == null && !field.getAnnotation(Reference.class).optional()) {
                throw new UsageException(qualifiedName() + " needs " + field.getType().getSimpleName()
                        + ", which only the Karaf console provides");
            }
            field.set(action, service);
        }
        bindWords(action, words);
        return action;
    }

    private void bindWords(Action action, List<String> words) throws UsageException, IllegalAccessException {
        List<Field> seen = new ArrayList<>();
        int argumentIndex = 0;
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
                int eq = word.startsWith("--") ? word.indexOf('=') : -1;
                String name = eq < 0 ? word : word.substring(0, eq);
                Field field = options.get(name);
                if (field == null) {
                    throw new UsageException("unknown option " + name + " for " + qualifiedName() + " (see --help)");
                }
                String value = eq >= 0 ? word.substring(eq + 1) : null;
                if (value == null && !isBoolean(field)) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException("option " + name + " of " + qualifiedName() + " needs a value");
                    }
                    value = words.get(++i);
                }
                assign(action, field, value == null ? "true" : value, field.getAnnotation(Option.class).multiValued());
                seen.add(field);
            } else {
                if (argumentIndex >= arguments.size()) {
                    throw new UsageException("unexpected argument '" + word + "' for " + qualifiedName());
                }
                Field field = arguments.get(argumentIndex);
                boolean multi = field.getAnnotation(Argument.class).multiValued();
                assign(action, field, word, multi);
                seen.add(field);
                if (!multi) {
                    argumentIndex++;
                }
            }
        }
        for (Field field : options.values()) {
            if (field.getAnnotation(Option.class).required() && !seen.contains(field)) {
                throw new UsageException(qualifiedName() + ": missing option " + field.getAnnotation(Option.class).name());
            }
        }
        for (Field field : arguments) {
            if (field.getAnnotation(Argument.class).required() && !seen.contains(field)) {
                throw new UsageException(qualifiedName() + ": missing argument " + argumentName(field));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assign(Action action, Field field, String value, boolean multiValued)
            throws IllegalAccessException, UsageException {
        if (multiValued) {
            List<Object> list = (List<Object>) field.get(action);
            if (list == null) {
                list = new ArrayList<>();
                field.set(action, list);
            }
            list.add(convert(value, (Class<?>) ((ParameterizedType) field.getGenericType())
                    .getActualTypeArguments()[0]));
        } else {
            field.set(action, convert(value, field.getType()));
        }
    }

    private static Object convert(String value, Class<?> target) throws UsageException {
        try {
            if (target == boolean.class || target == Boolean.class) {
                return Boolean.parseBoolean(value);
            }
            if (target == int.class || target == Integer.class) {
                return Integer.parseInt(value);
            }
            if (target == long.class || target == Long.class) {
                return Long.parseLong(value);
            }
        } catch (NumberFormatException e) {
            throw new UsageException("'" + value + "' is not a number");
        }
        return value;
    }

    private static boolean isBoolean(Field field) {
        return field.getType() == boolean.class || field.getType() == Boolean.class;
    }

    private static String argumentName(Field field) {
        String name = field.getAnnotation(Argument.class).name();
        return name.isEmpty() || name.equals(Argument.DEFAULT) ? field.getName() : name;
    }

    /** Usage text built from the annotations, as Karaf's --help shows them. */
    String usage() {
        StringBuilder text = new StringBuilder("usage: nestor ").append(command.scope()).append(' ')
                .append(command.name());
        if (!options.isEmpty()) {
            text.append(" [options]");
        }
        for (Field field : arguments) {
            Argument argument = field.getAnnotation(Argument.class);
            String name = argumentName(field) + (argument.multiValued() ? "..." : "");
            text.append(' ').append(argument.required() ? name : "[" + name + "]");
        }
        text.append("\n\n").append(command.description()).append('\n');
        for (Field field : arguments) {
            text.append(String.format("%n  %-22s %s", argumentName(field),
                    field.getAnnotation(Argument.class).description()));
        }
        for (Field field : options.values().stream().distinct().toList()) {
            Option option = field.getAnnotation(Option.class);
            String names = option.name() + (option.aliases().length > 0 ? ", " + String.join(", ", option.aliases()) : "");
            text.append(String.format("%n  %-22s %s%s", names, option.description(), option.required() ? " (required)" : ""));
        }
        return text.append('\n').toString();
    }
}
