package org.nestor.core.internal.launcher;

import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A Karaf {@code etc/PID.cfg} file as the component property type (an {@code @interface}) that SCR
 * gives the component: the same keys (method names mapped as Declarative Services maps them), the
 * annotation's defaults for keys the file leaves out, and SCR's conversions of the strings a
 * {@code .cfg} holds (to String, boolean, int, long, and one-element arrays of those). Every value
 * is converted when the file is read, so that a bad one is reported at once, naming file and key.
 * Karaf's {@code ${...}} substitutions are not applied.
 */
final class CfgFiles {

    private CfgFiles() {
    }

    /** The configuration in {@code file}; only defaults when there is no such file. */
    static <C extends Annotation> C read(Class<C> type, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            // no file: SCR gives the component its defaults
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
        }
        return of(type, properties, file.toString());
    }

    /** The configuration made of {@code properties}, errors naming {@code source}. */
    static <C extends Annotation> C of(Class<C> type, Map<?, ?> properties, String source) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            String key = propertyKey(method.getName());
            Object raw = properties.get(key);
            values.put(method.getName(), raw == null ? method.getDefaultValue()
                    : convert(raw.toString(), method.getReturnType(), source + ": " + key));
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "toString" -> "@" + type.getName() + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == arguments[0];
                    default -> copy(values.get(method.getName()));
                }));
    }

    /** DS's mapping: {@code $_$} is '-', {@code $$} is '$', a single '$' vanishes, {@code __} is '_', '_' is '.'. */
    static String propertyKey(String methodName) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (methodName.startsWith("$_$", i)) {
                key.append('-');
                i += 2;
            } else if (methodName.startsWith("$$", i)) {
                key.append('$');
                i++;
            } else if (methodName.startsWith("__", i)) {
                key.append('_');
                i++;
            } else if (c == '_') {
                key.append('.');
            } else if (c != '$') {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Object convert(String value, Class<?> target, String where) {
        if (target.isArray()) {
            // a .cfg holds one string, which SCR makes a one-element array
            Object array = Array.newInstance(target.getComponentType(), 1);
            Array.set(array, 0, convert(value, target.getComponentType(), where));
            return array;
        }
        String trimmed = value.strip();
        try {
            if (target == String.class) {
                return value;
            }
            if (target == boolean.class) {
                return Boolean.parseBoolean(trimmed);
            }
            if (target == int.class) {
                return Integer.parseInt(trimmed);
            }
            if (target == long.class) {
                return Long.parseLong(trimmed);
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + ": '" + value + "' is not a number (" + target.getName() + ")");
        }
        throw new IllegalArgumentException(where + ": configuration values of type " + target.getName()
                + " are not supported");
    }

    /** Arrays are handed out as copies, as SCR does, so that no caller changes another's. */
    private static Object copy(Object value) {
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            Object copy = Array.newInstance(value.getClass().getComponentType(), length);
            System.arraycopy(value, 0, copy, 0, length);
            return copy;
        }
        return value;
    }
}
