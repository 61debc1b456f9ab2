package org.nestor.core.internal.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.nestor.core.action.ActionLayer;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.config.DriverRegistry;
import org.nestor.core.internal.node.FileNodeIdentity;
import org.nestor.core.internal.pool.FailoverGuard;
import org.nestor.core.internal.pool.PeerPool;
import org.nestor.core.internal.pool.PoolCluster;
import org.nestor.core.internal.pool.ProtocolEndpoint;
import org.nestor.core.internal.store.FileServiceStore;
import org.nestor.core.internal.sync.NewestConfigSync;
import org.nestor.core.pool.Cluster;
import org.nestor.core.pool.PeerEndpoint;
import org.nestor.core.pool.Pool;
import org.nestor.core.spi.Drivers;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;

/**
 * {@code bin/nestor}: runs the console's commands without OSGi, for scripts and inside guests.
 * Commands are the Karaf actions listed in {@value #COMMANDS} by every jar on the class path;
 * drivers are the {@link ResourceDriver}s and layers over the engine the {@link ActionLayer}s its
 * ServiceLoader finds. The Nestor base is
 * {@code NESTOR_BASE} (bin/nestor defaults it to the distribution directory).
 *
 * <p>Exit codes: 0 done, 1 the command failed (its error on stderr), 2 bad command line.
 */
public final class NestorMain {

    static final String COMMANDS = "META-INF/services/org/apache/karaf/shell/commands";
    static final String BASE_ENV = "NESTOR_BASE";
    private static final long DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

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
            Map<String, ActionBinder> commands = commands();
            if (args.isEmpty() || isHelp(args.get(0)) || (args.size() == 1 && !args.get(0).contains(":"))) {
                System.out.print(overview(commands));
                return args.isEmpty() ? 2 : 0;
            }
            boolean qualified = args.get(0).contains(":");
            String name = qualified ? args.get(0) : args.get(0) + ":" + args.get(1);
            List<String> words = args.subList(qualified ? 1 : 2, args.size());
            ActionBinder binder = commands.get(name);
            if (binder == null) {
                throw new UsageException("unknown command '" + name.replace(':', ' ') + "' (nestor --help lists them)");
            }
            if (words.stream().anyMatch(NestorMain::isHelp)) {
                System.out.print(binder.usage());
                return 0;
            }
            Action action = binder.bind(words, services(environment));
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

    /** The node's services, wired by hand as DS wires them in Karaf. */
    static Map<Class<?>, Object> services(Map<String, String> environment) {
        NestorPaths paths = new NestorPaths(Path.of(environment.getOrDefault(BASE_ENV, ".")));
        DriverRegistry dictionary = new DriverRegistry();
        ServiceLoader.load(ResourceDriver.class, NestorMain.class.getClassLoader()).forEach(dictionary::addDriver);
        FileNodeIdentity node = new FileNodeIdentity(paths, environment);
        FileServiceStore store = new FileServiceStore(paths, dictionary, node, lockTimeout(paths));
        PeerPool pool = new PeerPool(paths, node.name());
        ServiceEngine engine = ServiceEngine.standalone(paths, store, dictionary, dictionary, node,
                new FailoverGuard(pool, store, dictionary, node));
        ConfigSync sync = new NewestConfigSync(store, engine);
        ServiceActions actions = engine;
        for (ActionLayer layer : ServiceLoader.load(ActionLayer.class, NestorMain.class.getClassLoader())) {
            actions = layer.over(actions, store, sync);
        }
        PoolCluster cluster = new PoolCluster(pool, store, actions, dictionary, node, sync);
        store.addListener(cluster);
        return Map.of(KeywordDictionary.class, dictionary, Drivers.class, dictionary, NodeIdentity.class, node,
                ServiceStore.class, store, ServiceActions.class, actions, Pool.class, pool, Cluster.class, cluster,
                PeerEndpoint.class, new ProtocolEndpoint(cluster, store, actions));
    }

    /** The store's lock timeout from the core configuration the Karaf side reads too. */
    private static Duration lockTimeout(NestorPaths paths) {
        Path file = paths.coreConfig();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Duration.ofSeconds(DEFAULT_LOCK_TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
        }
        String value = properties.getProperty("lockTimeout", Long.toString(DEFAULT_LOCK_TIMEOUT_SECONDS)).strip();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": lockTimeout: '" + value + "' is not a number of seconds");
        }
    }

    /** Every command listed by the jars on the class path, by {@code scope:name}. */
    static Map<String, ActionBinder> commands() throws IOException, ClassNotFoundException {
        Map<String, ActionBinder> commands = new TreeMap<>();
        ClassLoader loader = NestorMain.class.getClassLoader();
        Enumeration<URL> lists = loader.getResources(COMMANDS);
        while (lists.hasMoreElements()) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String className = line.strip();
                    if (!className.isEmpty() && !className.startsWith("#")) {
                        ActionBinder binder = new ActionBinder(loader.loadClass(className).asSubclass(Action.class));
                        commands.put(binder.qualifiedName(), binder);
                    }
                }
            }
        }
        return commands;
    }

    private static String overview(Map<String, ActionBinder> commands) {
        StringBuilder text = new StringBuilder("usage: nestor SCOPE COMMAND [options] [arguments]"
                + "   (nestor SCOPE COMMAND --help for details)\n\n");
        for (ActionBinder binder : commands.values()) {
            Command command = binder.command();
            text.append(String.format("  %-22s %s%n", command.scope() + " " + command.name(), command.description()));
        }
        return text.toString();
    }
}
