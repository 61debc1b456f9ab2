package org.nestor.core.store;

import java.util.regex.Pattern;

/** Service names are file names and appear in commands run on other nodes: keep them plain. */
public final class ServiceNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private ServiceNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** @throws StoreException naming the name when it is not valid */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new StoreException("invalid service name '" + name + "': use 1 to 63 letters, digits, '-' or '_',"
                    + " starting with a letter or digit");
        }
        return name;
    }
}
