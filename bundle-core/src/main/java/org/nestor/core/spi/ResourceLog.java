package org.nestor.core.spi;

/** Lines a resource adds to its service's action log, as {@code TIME node.svc.rid LEVEL message}. */
public interface ResourceLog {

    void info(String message);

    void warn(String message);

    void error(String message);
}
