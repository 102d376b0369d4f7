package dev.accesskeys.cache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.model.KeyUse;
import dev.accesskeys.model.NewAccessKey;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The JPA store behind this node's {@link VerifiedKeyCache}: reads and writes go to the delegate; every key it hands
 * out invalidates the cached copies on all nodes on its first change, and so do removals and bulk changes. Only the
 * verification path reads the cache ({@link #getVerifiedCopy}, {@link #keepVerified}). Last-use stamps are written
 * behind ({@link LastUseWriter}); the keys it hands out show this node's pending ones.
 */
final class CachingAccessKeyProvider implements AccessKeyProvider {

    private final KeycloakSession session;
    private final VerifiedKeyCache cache;
    private final LastUseWriter lastUse;
    /** The {@code jpa} store, created on first use: a verification answered from the cache opens no EntityManager. */
    private AccessKeyProvider delegate;
    /** The cache generation at which this session read each key ("realmId/keyId"), for {@link #keepVerified}. */
    private final Map<String, Long> readGenerations = new HashMap<>();

    CachingAccessKeyProvider(KeycloakSession session, VerifiedKeyCache cache, LastUseWriter lastUse) {
        this.session = session;
        this.cache = cache;
        this.lastUse = lastUse;
    }

    private AccessKeyProvider delegate() {
        if (delegate == null) {
            delegate = session.getProvider(AccessKeyProvider.class, CachingAccessKeyProviderFactory.DELEGATE_ID);
        }
        return delegate;
    }

    @Override
    public AccessKey create(RealmModel realm, NewAccessKey key) {
        return wrap(delegate().create(realm, key));
    }

    @Override
    public AccessKey getById(RealmModel realm, String id) {
        long generation = cache.generation();
        AccessKey key = delegate().getById(realm, id);
        if (key == null) {
            return null;
        }
        readGenerations.put(realm.getId() + '/' + id, generation);
        return wrap(key);
    }

    @Override
    public AccessKey getVerifiedCopy(RealmModel realm, String id) {
        return cache.get(realm.getId(), id, Time.currentTimeMillis());
    }

    @Override
    public void keepVerified(AccessKey key) {
        Long generation = readGenerations.get(key.getRealmId() + '/' + key.getId());
        if (generation != null) {
            cache.put(key, generation, Time.currentTimeMillis());
        }
    }

    @Override
    public Stream<AccessKey> search(RealmModel realm, AccessKeyQuery query, long now) {
        return delegate().search(realm, query, now).map(this::wrap);
    }

    @Override
    public long count(RealmModel realm, AccessKeyQuery query, long now) {
        return delegate().count(realm, query, now);
    }

    @Override
    public long countNotRevoked(RealmModel realm, String userId) {
        return delegate().countNotRevoked(realm, userId);
    }

    @Override
    public long countAll(RealmModel realm, String userId) {
        return delegate().countAll(realm, userId);
    }

    @Override
    public List<String> lockOwnerAndReadKeyNames(RealmModel realm, String userId) {
        return delegate().lockOwnerAndReadKeyNames(realm, userId);
    }

    @Override
    public boolean recordUse(String realmId, String id, long at, String ip, long notBefore) {
        // the last use is not part of what verification reads: no invalidation
        if (!lastUse.buffering()) {
            return delegate().recordUse(realmId, id, at, ip, notBefore);
        }
        // write-behind: the next flush writes it (conditionally, as the store would have now)
        lastUse.stamps().add(new KeyUse(realmId, id, at, ip, notBefore));
        return true;
    }

    @Override
    public List<KeyUse> recordUses(List<KeyUse> uses) {
        return delegate().recordUses(uses);
    }

    @Override
    public boolean remove(RealmModel realm, String id) {
        invalidate(KeyInvalidation.ofKey(realm.getId(), id));
        return delegate().remove(realm, id);
    }

    @Override
    public List<AccessKey> findBySecretHashes(RealmModel realm, List<String> secretHashes) {
        return delegate().findBySecretHashes(realm, secretHashes).stream().map(this::wrap).toList();
    }

    @Override
    public Stream<AccessKey> expiringBetween(RealmModel realm, long now, long until) {
        return delegate().expiringBetween(realm, now, until).map(this::wrap);
    }

    @Override
    public boolean replaceNotice(RealmModel realm, String keyId, Long expectedExpiresAt, Integer expectedDays,
                                 Long expiresAt, Integer days) {
        // the notice memory is not read by verification: no invalidation
        return delegate().replaceNotice(realm, keyId, expectedExpiresAt, expectedDays, expiresAt, days);
    }

    @Override
    public int purgeEndedBefore(RealmModel realm, long before) {
        int purged = delegate().purgeEndedBefore(realm, before);
        if (purged > 0) {
            invalidate(KeyInvalidation.ofRealm(realm.getId()));
        }
        return purged;
    }

    @Override
    public int bindExpiry(RealmModel realm, long latest, boolean onlyWithoutExpiry) {
        int changed = delegate().bindExpiry(realm, latest, onlyWithoutExpiry);
        if (changed > 0) {
            invalidate(KeyInvalidation.ofRealm(realm.getId()));
        }
        return changed;
    }

    @Override
    public void removeByUser(RealmModel realm, String userId) {
        invalidate(KeyInvalidation.ofUser(realm.getId(), userId));
        delegate().removeByUser(realm, userId);
    }

    @Override
    public void removeByRealm(String realmId) {
        invalidate(KeyInvalidation.ofRealm(realmId));
        delegate().removeByRealm(realmId);
    }

    @Override
    public void close() {
    }

    private AccessKey wrap(AccessKey key) {
        return new InvalidatingAccessKey(key, () -> invalidateChanged(key), lastUse.stamps().pending(key.getRealmId(), key.getId()));
    }

    /** The key changes in this transaction: once committed, a revoked key stays cached as revoked on the other nodes. */
    private void invalidateChanged(AccessKey key) {
        KeyInvalidation dropped = KeyInvalidation.ofKey(key.getRealmId(), key.getId());
        cache.invalidateAfterCompletion(session, dropped, () -> key.getRevokedAt() == null ? dropped
                : KeyInvalidation.ofRevokedKey(key.getRealmId(), key.getId(), key.getRevokedAt()));
    }

    private void invalidate(KeyInvalidation invalidation) {
        cache.invalidateAfterCompletion(session, invalidation);
    }
}
