package dev.accesskeys.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.accesskeys.SweepGate;

/**
 * Decides on this node whether a key's last use is due to be written: at most once per key per interval. The database
 * write is conditional as well, so several nodes together still write at most about once per interval.
 */
final class LastUseRecorder {

    static final long INTERVAL_MILLIS = 60_000;
    /** Above this many keys, a claim first drops the ones whose interval has passed (at most once a second). */
    static final int PRUNE_ABOVE = 10_000;

    private final ConcurrentMap<String, Long> lastWrites = new ConcurrentHashMap<>();
    private final SweepGate pruning = SweepGate.everySecond();

    /** @return whether the caller should write now; claims the slot when it says yes */
    boolean claim(String keyId, long now) {
        Long recent = lastWrites.get(keyId);
        if (recent != null && now - recent < INTERVAL_MILLIS) {
            // the hot path of a busy key: a plain read, no lock on the map's bin
            return false;
        }
        boolean[] claimed = {false};
        lastWrites.compute(keyId, (id, last) -> {
            if (last == null || now - last >= INTERVAL_MILLIS) {
                claimed[0] = true;
                return now;
            }
            return last;
        });
        if (claimed[0] && lastWrites.size() > PRUNE_ABOVE && pruning.due(now)) {
            lastWrites.values().removeIf(last -> now - last >= INTERVAL_MILLIS);
        }
        return claimed[0];
    }

    void forget(String keyId) {
        lastWrites.remove(keyId);
    }

    /** Keys with a claim held (for tests). */
    int size() {
        return lastWrites.size();
    }
}
