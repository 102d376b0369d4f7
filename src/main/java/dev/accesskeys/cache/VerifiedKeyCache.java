package dev.accesskeys.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.accesskeys.SweepGate;
import dev.accesskeys.model.AccessKey;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * This node's copies of keys whose secret verified, so that a machine exchanging the same key again costs no
 * database read. Only a presented secret whose hash equals the copy's is answered from here; an unknown key ID and
 * a wrong secret both go to the database, so the two cost the same and reveal nothing about which IDs exist.
 * <p>
 * Every change to a key, and the removal of a user or realm, invalidates the copies on all nodes through Keycloak's
 * {@link ClusterProvider} once the change has committed, and before the response of the change is sent: the work cache
 * replicates synchronously, so a node that answers the next request already dropped its copy. A generation counter
 * keeps a copy read before a change from being stored after that change's invalidation. A committed revocation
 * turns the copies of the key into revoked ones instead of dropping them (revocation is final), and a key read as
 * revoked whose secret matched is kept too: a node refuses a revoked key from memory, not with a database read per
 * attempt. Copies also expire after
 * {@code maxAgeMillis}, a bound on staleness should an invalidation ever be lost (e.g. during a network split).
 * <p>
 * One instance per node, owned by {@link CachingAccessKeyProviderFactory}.
 */
final class VerifiedKeyCache {

    /** Cluster task key of this cache's invalidation events. */
    static final String INVALIDATION_EVENTS = "ACCESS_KEYS_INVALIDATION_EVENTS";

    static final int DEFAULT_MAX_ENTRIES = 10_000;
    static final int DEFAULT_MAX_AGE_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(VerifiedKeyCache.class);

    private record Entry(CachedAccessKey key, long cachedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final SweepGate sweeping = SweepGate.everySecond();
    private volatile int maxEntries = DEFAULT_MAX_ENTRIES;
    private volatile long maxAgeMillis = DEFAULT_MAX_AGE_SECONDS * 1000L;

    VerifiedKeyCache() {
    }

    /** @param maxEntries 0 turns the cache off */
    public void configure(int maxEntries, int maxAgeSeconds) {
        if (maxEntries < 0 || maxAgeSeconds < 1) {
            throw new IllegalArgumentException("verified-key cache: max entries must be ≥ 0 and max age ≥ 1 s");
        }
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeSeconds * 1000L;
        entries.clear();
    }

    /** The generation to pass to {@link #put} for a key read from the database after this call. */
    public long generation() {
        return generation.get();
    }

    /** @return the copy of the key verified on this node, or null */
    public AccessKey get(String realmId, String keyId, long now) {
        Entry entry = entries.get(cacheKey(realmId, keyId));
        if (entry == null) {
            return null;
        }
        if (now - entry.cachedAt() >= maxAgeMillis) {
            entries.remove(cacheKey(realmId, keyId), entry);
            return null;
        }
        return entry.key();
    }

    /**
     * Keeps a copy of a key whose secret just verified, unless an invalidation happened since {@code readGeneration}
     * (the copy might predate it) or the cache is full.
     */
    public void put(AccessKey key, long readGeneration, long now) {
        if (maxEntries == 0 || generation.get() != readGeneration) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // full: drop expired copies, but scan at most once a second, not on every uncached verification
            if (sweeping.due(now)) {
                entries.values().removeIf(e -> now - e.cachedAt() >= maxAgeMillis);
            }
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        String cacheKey = cacheKey(key.getRealmId(), key.getId());
        Entry entry = new Entry(new CachedAccessKey(key), now);
        entries.put(cacheKey, entry);
        if (generation.get() != readGeneration) {
            // an invalidation ran meanwhile and may have missed this copy
            entries.remove(cacheKey, entry);
        }
    }

    /**
     * Drops the copies the invalidation covers on every node once the session's transaction ends, so no node can
     * answer from a copy older than the committed change.
     */
    public void invalidateAfterCompletion(KeycloakSession session, KeyInvalidation invalidation) {
        invalidateAfterCompletion(session, invalidation, () -> invalidation);
    }

    /**
     * As {@link #invalidateAfterCompletion(KeycloakSession, KeyInvalidation)}, but what is applied and sent once the
     * transaction commits is {@code committed} as it reads then (e.g. the key's revocation, when the transaction
     * revoked it); before the commit and after a rollback the copies are only dropped.
     */
    public void invalidateAfterCompletion(KeycloakSession session, KeyInvalidation invalidation, Supplier<KeyInvalidation> committed) {
        apply(invalidation);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                KeyInvalidation change = committed.get();
                apply(change);
                ClusterProvider cluster = session.getProvider(ClusterProvider.class);
                if (cluster != null) {
                    cluster.notify(INVALIDATION_EVENTS, change, true);
                }
            }

            @Override
            protected void rollbackImpl() {
                apply(invalidation);
            }
        });
    }

    /** Number of copies held (for tests and the benchmark's figures). */
    public int size() {
        return entries.size();
    }

    void apply(KeyInvalidation invalidation) {
        generation.incrementAndGet();
        if (invalidation.revokedAt() != 0) {
            // a copy put meanwhile with an older generation is removed by its own put; this one stays revoked
            entries.computeIfPresent(cacheKey(invalidation.realmId(), invalidation.keyId()),
                    (cacheKey, entry) -> new Entry(entry.key().revoked(invalidation.revokedAt()), entry.cachedAt()));
        } else if (!invalidation.keyId().isEmpty() && invalidation.userId().isEmpty()) {
            entries.remove(cacheKey(invalidation.realmId(), invalidation.keyId()));
        } else {
            entries.values().removeIf(e -> invalidation.covers(e.key().getRealmId(), e.key().getId(), e.key().getUserId()));
        }
        LOG.debugf("verified-key cache: applied %s", invalidation);
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
        LOG.debug("verified-key cache: cleared");
    }

    private static String cacheKey(String realmId, String keyId) {
        return realmId + '/' + keyId;
    }
}
