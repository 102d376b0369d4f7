package dev.accesskeys.service;

import java.util.concurrent.ConcurrentHashMap;

import dev.accesskeys.SweepGate;

import org.keycloak.models.RealmModel;

/**
 * Slows down guessing of one key's secret, like Keycloak's brute-force detection but keyed on the key ID and the
 * client address, not on the owner: a burst of wrong secrets for one key from one address locks that key for that
 * address (for the grant and the app-password path) for a while. The owner's correct secret from any other address,
 * the owner's password login and other keys keep working, so knowing a key ID (it is in every token) is never enough
 * to lock anyone out.
 * <p>
 * Only IDs of existing keys are counted (unknown IDs protect nothing); entries end with their lockout window.
 * The counters live in this node's memory ({@link Counters}, held by {@link AccessKeyServiceFactory}): in a cluster
 * each node counts on its own. Secrets carry ≥ 256 bits, so
 * the throttle is hygiene against noisy clients and log-flooding, not the protection of the secret itself.
 * <p>
 * Configured per realm through realm attributes (on by default):
 * {@value #ENABLED_ATTRIBUTE} ({@code true}), {@value #MAX_FAILURES_ATTRIBUTE} ({@value #DEFAULT_MAX_FAILURES}),
 * {@value #LOCKOUT_ATTRIBUTE} ({@value #DEFAULT_LOCKOUT_SECONDS}).
 */
public final class KeyThrottle {

    public static final String ENABLED_ATTRIBUTE = "access.key.throttle.enabled";
    public static final String MAX_FAILURES_ATTRIBUTE = "access.key.throttle.max.failures";
    public static final String LOCKOUT_ATTRIBUTE = "access.key.throttle.lockout.seconds";
    public static final int DEFAULT_MAX_FAILURES = 10;
    public static final int DEFAULT_LOCKOUT_SECONDS = 300;

    /** Above this many entries, a failure first drops the ones whose window has passed (at most once a second). */
    private static final int SWEEP_THRESHOLD = 10_000;

    /** consecutive failures since {@code since}; locked until {@code lockedUntil} (0 = not locked) */
    private record State(int failures, long since, long lockedUntil) {
    }

    /** This node's counters of every realm. */
    static final class Counters {
        private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
        private final SweepGate sweeping = SweepGate.everySecond();
    }

    private final boolean enabled;
    private final int maxFailures;
    private final long lockoutMillis;
    private final String realmId;
    private final ConcurrentHashMap<String, State> states;
    private final SweepGate sweeping;

    private KeyThrottle(boolean enabled, int maxFailures, long lockoutMillis, String realmId, Counters counters) {
        this.enabled = enabled;
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockoutMillis;
        this.realmId = realmId;
        this.states = counters.states;
        this.sweeping = counters.sweeping;
    }

    static KeyThrottle of(RealmModel realm, Counters counters) {
        String enabled = realm.getAttribute(ENABLED_ATTRIBUTE);
        return new KeyThrottle(enabled == null || Boolean.parseBoolean(enabled),
                Math.max(1, intAttribute(realm, MAX_FAILURES_ATTRIBUTE, DEFAULT_MAX_FAILURES)),
                1000L * Math.max(1, intAttribute(realm, LOCKOUT_ATTRIBUTE, DEFAULT_LOCKOUT_SECONDS)),
                realm.getId(), counters);
    }

    /** Whether the key is locked now; a lock that ran out is forgotten. */
    public boolean isLocked(String keyId, String address, long now) {
        if (!enabled || keyId == null) {
            return false;
        }
        State state = states.get(entry(keyId, address));
        return state != null && state.lockedUntil() > now;
    }

    /** Counts a failed attempt on an existing key; returns whether the key is now locked. */
    public boolean failure(String keyId, String address, long now) {
        if (!enabled || keyId == null) {
            return false;
        }
        State state = states.compute(entry(keyId, address), (k, old) -> {
            if (old != null && old.lockedUntil() > now) {
                return old;
            }
            // failures older than a lockout window no longer count
            boolean fresh = old == null || old.lockedUntil() != 0 || now - old.since() > lockoutMillis;
            int failures = fresh ? 1 : old.failures() + 1;
            long since = fresh ? now : old.since();
            return failures >= maxFailures ? new State(0, now, now + lockoutMillis) : new State(failures, since, 0);
        });
        if (states.size() > SWEEP_THRESHOLD && sweeping.due(now)) {
            states.values().removeIf(st -> st.lockedUntil() != 0 ? st.lockedUntil() <= now : now - st.since() > lockoutMillis);
        }
        return state.lockedUntil() > now;
    }

    /** A success clears the count (read first: no write on the hot path when there is nothing to clear). */
    public void success(String keyId, String address) {
        if (keyId != null) {
            String k = entry(keyId, address);
            if (states.containsKey(k)) {
                states.remove(k);
            }
        }
    }

    private String entry(String keyId, String address) {
        return realmId + '/' + keyId + '/' + address;
    }

    private static int intAttribute(RealmModel realm, String name, int fallback) {
        String value = realm.getAttribute(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
