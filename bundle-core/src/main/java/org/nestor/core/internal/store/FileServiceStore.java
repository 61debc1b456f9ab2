package org.nestor.core.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.nestor.core.config.ConfigException;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.config.Problem;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.CoreConfiguration;
import org.nestor.core.internal.NestorPaths;
import org.nestor.core.internal.NodeAssembly;
import org.nestor.core.internal.config.ConfigEvaluation;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.ConfigWriter;
import org.nestor.core.store.ChangeOrigin;
import org.nestor.core.store.ServiceLock;
import org.nestor.core.store.ServiceNames;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.store.ServiceStoreListener;
import org.nestor.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The service store on the local file system; see {@link ServiceStore}. */
@Component(service = ServiceStore.class, configurationPid = CoreConfiguration.PID)
@Designate(ocd = CoreConfiguration.class)
public class FileServiceStore implements ServiceStore {

    private static final String SUFFIX = ".conf";

    private final NestorPaths paths;
    private final KeywordDictionary dictionary;
    private final NodeIdentity node;
    private final Duration lockTimeout;
    private final ServiceLocks locks = new ServiceLocks();
    private final List<ServiceStoreListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public FileServiceStore(@Reference KeywordDictionary dictionary, @Reference NodeIdentity node,
                            CoreConfiguration configuration) {
        this(NodeAssembly.paths(configuration), dictionary, node, NodeAssembly.lockTimeout(configuration));
    }

    public FileServiceStore(NestorPaths paths, KeywordDictionary dictionary, NodeIdentity node,
                            Duration lockTimeout) {
        this.paths = paths;
        this.dictionary = dictionary;
        this.node = node;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public void addListener(ServiceStoreListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ServiceStoreListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Path servicesDirectory() {
        return paths.services();
    }

    @Override
    public Path file(String name) {
        return paths.services().resolve(ServiceNames.check(name) + SUFFIX);
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(paths.services(), "*" + SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                if (ServiceNames.isValid(name)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot list " + paths.services() + ": " + e.getMessage(), e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    @Override
    public ServiceConfig read(String name) {
        Path file = existing(name);
        try {
            return ConfigReader.readIni(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Instant version(String name) {
        Path file = existing(name);
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new StoreException("cannot read the version of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Problem> validate(String name, ServiceConfig config) {
        List<Problem> problems = new ArrayList<>(dictionary.validate(config));
        if (problems.isEmpty()) {
            try {
                new ConfigEvaluation(name, config, dictionary, EvaluationContext.of(node, null)).evaluateAll();
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }

    @Override
    public void create(String name, ServiceConfig config, boolean replace, Consumer<String> progress) {
        ServiceNames.check(name);
        requireValid(name, config);
        try (ServiceLock lock = lock(name, lockTimeout)) {
            if (!replace && exists(name)) {
                throw new StoreException("service '" + name + "' exists: use --force to replace it");
            }
            write(name, config);
        }
        changed(name, ChangeOrigin.EDIT, progress);
    }

    @Override
    public void install(String name, ServiceConfig config, Instant version, ChangeOrigin origin,
                        Consumer<String> progress) {
        ServiceNames.check(name);
        requireValid(name, config);
        try (ServiceLock lock = lock(name, lockTimeout)) {
            write(name, config);
            Files.setLastModifiedTime(file(name), FileTime.from(version));
        } catch (IOException e) {
            throw new StoreException("cannot set the version of service '" + name + "': " + e.getMessage(), e);
        }
        changed(name, origin, progress);
    }

    @Override
    public ServiceConfig edit(String name, Consumer<ServiceConfig> change, Consumer<String> progress) {
        existing(name); // refused before the lock, whose file would be left behind
        ServiceConfig edited;
        try (ServiceLock lock = lock(name, lockTimeout)) {
            edited = read(name);
            change.accept(edited);
            requireValid(name, edited);
            write(name, edited);
        }
        changed(name, ChangeOrigin.EDIT, progress);
        return edited;
    }

    /** Listeners run once the lock is released: replication may take a while and asks peers. */
    private void changed(String name, ChangeOrigin origin, Consumer<String> progress) {
        for (ServiceStoreListener listener : listeners) {
            listener.changed(name, origin, progress);
        }
    }

    @Override
    public void delete(String name) {
        existing(name); // refused before the lock, whose file would be left behind
        try (ServiceLock lock = lock(name, lockTimeout)) {
            Files.delete(existing(name));
            AtomicFiles.syncDirectory(paths.services());
            deleteDataKeepingLock(paths.serviceData(name));
        } catch (IOException e) {
            throw new StoreException("cannot delete service '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ServiceLock lock(String name, Duration timeout) {
        return locks.acquire(ServiceNames.check(name), paths.serviceData(name).resolve("lock"), timeout);
    }

    private Path existing(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no service '" + name + "' (" + file + ")");
        }
        return file;
    }

    private void requireValid(String name, ServiceConfig config) {
        List<Problem> problems = validate(name, config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private void write(String name, ServiceConfig config) {
        try {
            AtomicFiles.write(file(name), ConfigWriter.toIni(config));
        } catch (IOException e) {
            throw new StoreException("cannot write service '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The lock file stays: a process waiting on it must not end up locking a different inode. */
    private static void deleteDataKeepingLock(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Path lockFile = directory.resolve("lock");
        try (Stream<Path> tree = Files.walk(directory)) {
            tree.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.equals(directory) && !path.equals(lockFile))
                    .forEach(path -> {
                        try {
                            Files.delete(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
