package dev.accesskeys;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a sweep of a node-wide map (expired claims, counters, copies) run at most once per interval, by whichever
 * request finds it due first. Without it a map that holds more live entries than its sweep threshold is scanned
 * whole on every request that adds one, so each request costs more the more keys or addresses are active.
 */
public final class SweepGate {

    private final long intervalMillis;
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE / 2);

    public SweepGate(long intervalMillis) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("sweep interval must be ≥ 1 ms");
        }
        this.intervalMillis = intervalMillis;
    }

    /** The node-wide maps' gate: a sweep at most once a second. */
    public static SweepGate everySecond() {
        return new SweepGate(1000);
    }

    /** @return whether the caller should sweep now; at most one caller per interval is told so */
    public boolean due(long now) {
        long last = lastSweep.get();
        return now - last >= intervalMillis && lastSweep.compareAndSet(last, now);
    }
}
