package org.nestor.core.internal.launcher;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The components {@code bin/nestor} finds by ServiceLoader (drivers, action layers), configured as
 * SCR configures them in Karaf: a component whose class has a method taking one component property
 * type (an {@code @interface} with a {@code PID} constant, like {@code LxcConfiguration}) gets it
 * called with that configuration, read from {@code etc/PID.cfg}, as SCR calls its {@code @Activate}
 * method.
 */
final class ClassPathComponents {

    private ClassPathComponents() {
    }

    /** Every {@code service} implementation on the class path, configured from the files in {@code etc}. */
    static <T> List<T> load(Class<T> service, Path etc) {
        return ServiceLoader.load(service, ClassPathComponents.class.getClassLoader()).stream()
                .map(provider -> activate(provider.get(), etc)).toList();
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
