package dev.accesskeys.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.accesskeys.SweepGate;

/**
 * At most {@code limit} calls per client address in each fixed window of {@code windowSeconds}. Node-local: a
 * cluster of n nodes admits up to n times as many. Bounded memory: past windows are swept (at most once a second)
 * once the map grows large.
 */
public final class AddressRateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long start, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final SweepGate sweeping = SweepGate.everySecond();
    private final int limit;
    private final long windowMillis;

    public AddressRateLimiter(int limit, int windowSeconds) {
        if (limit < 0 || windowSeconds < 1) {
            throw new IllegalArgumentException("rate limit must be ≥ 0 per window of ≥ 1 s");
        }
        this.limit = limit;
        this.windowMillis = windowSeconds * 1000L;
    }

    /** Counts a call from the address; @return whether it is within the limit (0 = no limit) */
    public boolean tryAcquire(String address, long now) {
        if (limit == 0) {
            return true;
        }
        if (windows.size() > SWEEP_ABOVE && sweeping.due(now)) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window window = windows.compute(address, (a, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, new AtomicInteger()) : w);
        return window.count().incrementAndGet() <= limit;
    }

    public int windowSeconds() {
        return (int) (windowMillis / 1000);
    }

    /** Addresses with a window held (for tests). */
    int size() {
        return windows.size();
    }
}
