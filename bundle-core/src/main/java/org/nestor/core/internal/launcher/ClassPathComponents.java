package org.nestor.core.internal.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The components {@code bin/nestor} finds in the class path's {@code META-INF/services} lists
 * (drivers, action layers), made and configured as SCR makes and configures them in Karaf: by the
 * public constructor with the most parameters that are all services the node offers them (SCR's
 * constructor injection of {@code @Reference}s; none: the no-argument constructor), then, for a
 * class with a method taking one component property type (an {@code @interface} with a {@code PID}
 * constant, like {@code LxcConfiguration}), that method called with that configuration, read from
 * {@code etc/PID.cfg}, as SCR calls its {@code @Activate} method.
 */
final class ClassPathComponents {

    private static final ClassLoader LOADER = ClassPathComponents.class.getClassLoader();

    private ClassPathComponents() {
    }

    /**
     * Every {@code service} implementation the class path lists, made with the {@code services} its
     * constructor takes and configured from the files in {@code etc}.
     */
    static <T> List<T> load(Class<T> service, Path etc, Map<Class<?>, Object> services) {
        return listed("META-INF/services/" + service.getName()).stream()
                .map(type -> activate(service.cast(construct(type, services)), etc)).toList();
    }

    /**
     * The classes named by every {@code resource} on the class path, one a line ('#' starts a
     * comment), each once.
     */
    static Set<Class<?>> listed(String resource) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        try {
            Enumeration<URL> lists = LOADER.getResources(resource);
            while (lists.hasMoreElements()) {
                URL list = lists.nextElement();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        String name = line.replaceFirst("#.*", "").strip();
                        if (!name.isEmpty()) {
                            classes.add(load(name, list));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return classes;
    }

    private static Class<?> load(String name, URL list) {
        try {
            return LOADER.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(list + ": no class " + name + " on the class path", e);
        }
    }

    /** The component made by its public constructor with the most parameters, all of them offered services. */
    static Object construct(Class<?> type, Map<Class<?>, Object> services) {
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .filter(candidate -> services.keySet().containsAll(Arrays.asList(candidate.getParameterTypes())))
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new IllegalStateException(type.getName() + " has no public constructor taking "
                        + "only services bin/nestor offers (" + String.join(", ", services.keySet().stream()
                        .map(Class::getSimpleName).sorted().toList()) + ")"));
        try {
            return constructor.newInstance(Arrays.stream(constructor.getParameterTypes()).map(services::get).toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
        }
    }

    static <T> T activate(T component, Path etc) {
        for (Class<?> type = component.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                String pid = method.getParameterCount() == 1 ? pid(method.getParameterTypes()[0]) : null;
                if (pid != null) {
                    Class<? extends Annotation> configuration = method.getParameterTypes()[0]
                            .asSubclass(Annotation.class);
                    invoke(component, method, CfgFiles.read(configuration, etc.resolve(pid + ".cfg")));
                    return component;
                }
            }
        }
        return component;
    }

    /** The PID a component property type declares, null for any other type. */
    private static String pid(Class<?> type) {
        if (!type.isAnnotation()) {
            return null;
        }
        try {
            return type.getField("PID").get(null) instanceof String pid ? pid : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    private static void invoke(Object component, Method activator, Object configuration) {
        try {
            activator.setAccessible(true);
            activator.invoke(component, configuration);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(component.getClass().getName() + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot configure " + component.getClass().getName() + ": " + e, e);
        }
    }
}
