package dev.accesskeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SweepGateTest {

    private static final long T0 = 1_800_000_000_000L;

    @Test
    void dueOncePerInterval() {
        SweepGate gate = new SweepGate(1000);
        assertTrue(gate.due(T0), "the first call sweeps");
        assertFalse(gate.due(T0));
        assertFalse(gate.due(T0 + 999));
        assertTrue(gate.due(T0 + 1000), "one interval later");
        assertFalse(gate.due(T0 + 1500));
        assertThrows(IllegalArgumentException.class, () -> new SweepGate(0));
    }

    @Test
    void concurrentCallersGetOneSweep() throws Exception {
        SweepGate gate = new SweepGate(1000);
        AtomicInteger sweeps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                calls.add(pool.submit(() -> {
                    if (gate.due(T0)) {
                        sweeps.incrementAndGet();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, sweeps.get());
    }
}
