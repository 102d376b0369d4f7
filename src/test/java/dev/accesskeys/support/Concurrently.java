package dev.accesskeys.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Runs one call many times from a pool of threads, for tests of node-wide state under contention. */
public final class Concurrently {

    private Concurrently() {
    }

    /** @return how many of {@code calls} runs of {@code call}, spread over {@code threads} threads, answered true */
    public static int countTrue(int calls, int threads, BooleanSupplier call) throws Exception {
        AtomicInteger answeredTrue = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                runs.add(pool.submit(() -> {
                    if (call.getAsBoolean()) {
                        answeredTrue.incrementAndGet();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        return answeredTrue.get();
    }
}
