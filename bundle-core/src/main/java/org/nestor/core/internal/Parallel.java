package org.nestor.core.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.nestor.core.pool.Pool.Reply;

/** Work on several parties at once (peers, guests): a slow one holds nobody but itself. */
public final class Parallel {

    /** At most this many at a time: a pool of 20 peers on two cores needs no 20 threads. */
    static final int MOST_AT_ONCE = 8;

    private Parallel() {
    }

    /** Each item's answer or failure, in the order of {@code items}. */
    public static <K, T> Map<K, Reply<T>> each(Collection<? extends K> items, Function<? super K, T> work) {
        Map<K, Reply<T>> replies = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return replies;
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(MOST_AT_ONCE, items.size()), r -> {
            Thread thread = new Thread(r, "nestor-parallel");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<K, Future<T>> futures = new LinkedHashMap<>();
            for (K item : items) {
                futures.put(item, threads.submit(() -> work.apply(item)));
            }
            for (Map.Entry<K, Future<T>> future : futures.entrySet()) {
                replies.put(future.getKey(), reply(future.getValue()));
            }
        } finally {
            threads.shutdownNow();
        }
        return replies;
    }

    private static <T> Reply<T> reply(Future<T> future) {
        try {
            return new Reply<>(future.get(), null);
        } catch (ExecutionException e) {
            return new Reply<>(null, e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(String.valueOf(e.getCause()), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply<>(null, new IllegalStateException("interrupted"));
        }
    }
}
