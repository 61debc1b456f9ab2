package org.nestor.core.internal.store;

import java.nio.file.Path;
import java.time.Duration;

import org.nestor.core.store.ServiceLock;

/** Runs in a second JVM: takes a service lock, says so on stdout, holds it until stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (ServiceLock lock = new ServiceLocks().acquire(args[0], Path.of(args[1]), Duration.ofSeconds(10))) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }
}
