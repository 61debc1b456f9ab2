package org.nestor.core.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.nestor.core.store.ServiceLock;
import org.nestor.core.store.StoreException;

/**
 * Per-service locks that hold between threads (a JVM lock) and between processes (an fcntl lock
 * on {@code data/nestor/<svc>/lock}, which the Karaf console and bin/nestor both take). The file
 * records its holder so that a waiter can say who it waited for. A thread that already holds the
 * lock gets it again without touching the file. The lock file is never deleted (not even with its
 * service), so that every process always locks the same inode.
 */
final class ServiceLocks {

    private static final long POLL_MILLIS = 50;

    private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

    ServiceLock acquire(String service, Path file, Duration timeout) {
        ReentrantLock threadLock = local.computeIfAbsent(service, s -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!threadLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timeout(service, file, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the lock of service '" + service + "'", e);
        }
        if (threadLock.getHoldCount() > 1) {
            return threadLock::unlock;
        }
        try {
            FileLock fileLock = lockFile(service, file, timeout, deadline);
            return () -> {
                try {
                    fileLock.channel().close();
                } catch (IOException e) {
                    throw new StoreException("cannot release the lock of service '" + service + "'", e);
                } finally {
                    threadLock.unlock();
                }
            };
        } catch (RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    private static FileLock lockFile(String service, Path file, Duration timeout, long deadline) {
        try {
            Files.createDirectories(file.getParent());
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    recordHolder(channel);
                    return lock;
                }
                channel.close();
                if (System.nanoTime() > deadline) {
                    throw timeout(service, file, timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock service '" + service + "' (" + file + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the lock of service '" + service + "'", e);
        }
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String holder = "pid " + self.pid() + " (" + self.info().command().orElse("?") + ")\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static StoreException timeout(String service, Path file, Duration timeout) {
        String holder;
        try {
            holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            holder = "another action";
        }
        return new StoreException("service '" + service + "' is locked by " + (holder.isEmpty() ? "another action"
                : holder) + ": gave up after " + timeout.toSeconds() + "s");
    }
}
