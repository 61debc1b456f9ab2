package org.nestor.core.internal.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.apache.karaf.shell.support.CommandException;
import org.nestor.core.action.ActionLayer;
import org.nestor.core.internal.CoreConfiguration;
import org.nestor.core.internal.NodeAssembly;
import org.nestor.core.spi.ResourceDriver;

/**
 * {@code bin/nestor}: runs the console's commands without OSGi, for scripts and inside guests.
 * Commands are the Karaf actions listed in {@value #COMMANDS} by every jar on the class path, their
 * command lines parsed by Karaf's own preparator (the console's grammar), with one extension: options
 * may also come after the arguments. The node is put together by {@link NodeAssembly} from the
 * configurations in {@code etc/*.cfg}, with the drivers and action layer the jars list in
 * {@code META-INF/services} ({@link ClassPathComponents}). The
 * Nestor base is {@code NESTOR_BASE} (bin/nestor defaults it to the distribution directory).
 *
 * <p>Exit codes: 0 done, 1 the command failed (its error on stderr), 2 bad command line.
 */
public final class NestorMain {

    static final String COMMANDS = "META-INF/services/org/apache/karaf/shell/commands";
    static final String BASE_ENV = "NESTOR_BASE";
    private static final DefaultActionPreparator PREPARATOR = new PlainUsagePreparator();
    /** What the preparator asks a session for (the terminal, for --help's width): nothing, so 80 columns. */
    private static final Session NO_TERMINAL = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, method, arguments) -> null);
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

    private NestorMain() {
    }

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.getenv());
        System.out.flush();
        System.exit(status);
    }

    static int run(List<String> args, Map<String, String> environment) {
        PrintStream err = System.err;
        try {
            Map<String, Class<? extends Action>> commands = commands();
            if (args.isEmpty() || isHelp(args.get(0)) || (args.size() == 1 && !args.get(0).contains(":"))) {
                System.out.print(overview(commands));
                return args.isEmpty() ? 2 : 0;
            }
            boolean qualified = args.get(0).contains(":");
            String name = qualified ? args.get(0) : args.get(0) + ":" + args.get(1);
            Class<? extends Action> type = commands.get(name);
            if (type == null) {
                throw new UsageException("unknown command '" + name.replace(':', ' ') + "' (nestor --help lists them)");
            }
            Action action = type.getDeclaredConstructor().newInstance();
            if (!prepare(action, name, args.subList(qualified ? 1 : 2, args.size()))) {
                return 0;
            }
            inject(action, name, services(environment));
            Object result = action.execute();
            if (result != null) {
                System.out.println(result);
            }
            return 0;
        } catch (UsageException e) {
            err.println("nestor: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(e.getMessage() != null ? e.getMessage() : e.toString());
            return 1;
        }
    }

    private static boolean isHelp(String word) {
        return word.equals("--help") || word.equals("-h") || word.equals("help");
    }

    /** Binds the words to the action's options and arguments; false when they asked for --help (printed). */
    private static boolean prepare(Action action, String name, List<String> words) throws Exception {
        try {
            return PREPARATOR.prepare(action, NO_TERMINAL, optionsFirst(action.getClass(), words));
        } catch (CommandException e) {
            throw new UsageException(name + ": " + e.getMessage() + " (see --help)");
        }
    }

    /**
     * bin/nestor's extension of Karaf's grammar, where the first argument ends the options: options
     * after the arguments ({@code svc start web --rid app#1}) are moved before them, each with its
     * value, a word after an option that takes one being its value as for Karaf.
     */
    static List<Object> optionsFirst(Class<?> type, List<String> words) {
        Map<String, Boolean> takesValue = new HashMap<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    boolean flag = field.getType() == boolean.class || field.getType() == Boolean.class;
                    takesValue.put(option.name(), !flag);
                    Arrays.stream(option.aliases()).forEach(alias -> takesValue.put(alias, !flag));
                }
            }
        }
        List<Object> options = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-")) {
                arguments.add(word);
            } else {
                options.add(word);
                if (!word.contains("=") && takesValue.getOrDefault(word, false) && i + 1 < words.size()) {
                    options.add(words.get(++i));
                }
            }
        }
        options.addAll(arguments);
        return options;
    }

    /** The action's {@link Reference} fields, from the node's services (Karaf's console injects them there). */
    private static void inject(Action action, String name, Map<Class<?>, Object> services)
            throws UsageException, IllegalAccessException {
        for (Class<?> c = action.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Reference reference = field.getAnnotation(Reference.class);
                if (reference != null) {
                    Object service = services.get(field.getType());
                    if (service == null && !reference.optional()) {
                        throw new UsageException(name + " needs " + field.getType().getSimpleName()
                                + ", which only the Karaf console provides");
                    }
                    field.setAccessible(true);
                    field.set(action, service);
                }
            }
        }
    }

    /** The node's services, put together from the configurations under the Nestor base. */
    static Map<Class<?>, Object> services(Map<String, String> environment) {
        Path base = Path.of(environment.getOrDefault(BASE_ENV, "."));
        Path etc = base.resolve("etc");
        CoreConfiguration core = CfgFiles.read(CoreConfiguration.class, etc.resolve(CoreConfiguration.PID + ".cfg"));
        return new NodeAssembly(core, base, environment,
                services -> ClassPathComponents.load(ResourceDriver.class, etc, services),
                ClassPathComponents.load(ActionLayer.class, etc, Map.of())).services();
    }

    /** Every command listed by the jars on the class path, by {@code scope:name}. */
    static Map<String, Class<? extends Action>> commands() {
        Map<String, Class<? extends Action>> commands = new TreeMap<>();
        for (Class<?> listed : ClassPathComponents.listed(COMMANDS)) {
            Class<? extends Action> type = listed.asSubclass(Action.class);
            Command command = type.getAnnotation(Command.class);
            commands.put(command.scope() + ":" + command.name(), type);
        }
        return commands;
    }

    private static String overview(Map<String, Class<? extends Action>> commands) {
        StringBuilder text = new StringBuilder("usage: nestor SCOPE COMMAND [options] [arguments]"
                + "   (nestor SCOPE COMMAND --help for details)\n\n");
        for (Class<? extends Action> type : commands.values()) {
            Command command = type.getAnnotation(Command.class);
            text.append(String.format("  %-22s %s%n", command.scope() + " " + command.name(), command.description()));
        }
        return text.toString();
    }

    /** Karaf's preparator, its usage text (--help) without the terminal escapes a script would see. */
    private static final class PlainUsagePreparator extends DefaultActionPreparator {
        @Override
        public void printUsage(Action action, Map<Option, Field> options, Map<Argument, Field> arguments,
                               PrintStream out, boolean globalScope, int termWidth) {
            ByteArrayOutputStream usage = new ByteArrayOutputStream();
            super.printUsage(action, options, arguments, new PrintStream(usage, true, StandardCharsets.UTF_8),
                    globalScope, termWidth);
            out.print(ANSI_ESCAPE.matcher(usage.toString(StandardCharsets.UTF_8)).replaceAll(""));
        }
    }
}
