package dev.accesskeys.model;

import java.util.List;
import java.util.stream.Stream;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Storage of access keys. Holds no rules: limits, expiry and status live in
 * {@link dev.accesskeys.service.AccessKeyService}. Two providers: {@code jpa} (the database) and {@code cache} (the
 * default: {@code jpa} behind a node cache of verified keys).
 */
public interface AccessKeyProvider extends Provider {

    AccessKey create(RealmModel realm, NewAccessKey key);

    /** @return the key with that ID in that realm, or null */
    AccessKey getById(RealmModel realm, String id);

    /**
     * A read-only copy of the key as it was when a presented secret last verified against it on this node, or null
     * (always null for a store without a cache). Only the verification path may use it.
     */
    default AccessKey getVerifiedCopy(RealmModel realm, String id) {
        return null;
    }

    /**
     * Notes that a presented secret verified against this key, read by {@link #getById} in this session and active
     * or revoked (final); a caching store may keep a copy for {@link #getVerifiedCopy}.
     */
    default void keepVerified(AccessKey key) {
    }

    Stream<AccessKey> search(RealmModel realm, AccessKeyQuery query, long now);

    /** Number of keys that match the query's filters ({@code first}, {@code max} and the order are ignored). */
    long count(RealmModel realm, AccessKeyQuery query, long now);

    /** Number of the user's keys that are not revoked. */
    long countNotRevoked(RealmModel realm, String userId);

    /** Number of the user's keys, revoked ones included. */
    long countAll(RealmModel realm, String userId);

    /**
     * Serialises changes to one user's keys across transactions and cluster nodes until the current transaction
     * ends, and then reads the names of the user's keys that are not revoked as last committed (a locking read, so
     * a snapshot-isolation database such as MariaDB cannot answer from an older snapshot). A limit or a unique name
     * checked against the answer holds.
     */
    List<String> lockOwnerAndReadKeyNames(RealmModel realm, String userId);

    /**
     * Records a use unless one was recorded after {@code notBefore}; one conditional write, now or (the {@code cache}
     * store, which writes behind) with the node's next flush of last-use stamps.
     * <p>
     * Takes the realm's ID, not the realm: the node's last stamps are written while the server stops, when Keycloak's
     * realm cache is gone.
     *
     * @return whether a write happened or was queued
     */
    boolean recordUse(String realmId, String id, long at, String ip, long notBefore);

    /**
     * Records many uses in the caller's transaction (a node's write-behind flush) without ever waiting for a row lock:
     * a key whose row another transaction holds (an owner's key being created or changed meanwhile) is left out, so
     * the flush cannot deadlock with that transaction and never makes it fail.
     *
     * @return the uses left out because their key's row was locked (for a later attempt); uses of keys that no
     *         longer exist are dropped
     */
    default List<KeyUse> recordUses(List<KeyUse> uses) {
        uses.forEach(use -> recordUse(use.realmId(), use.keyId(), use.at(), use.ip(), use.notBefore()));
        return List.of();
    }

    boolean remove(RealmModel realm, String id);

    /** Keys of the realm whose current or previous secret has one of these hashes. */
    List<AccessKey> findBySecretHashes(RealmModel realm, List<String> secretHashes);

    /** Enabled, unrevoked keys of the realm that expire after {@code now} and at or before {@code until}. */
    Stream<AccessKey> expiringBetween(RealmModel realm, long now, long until);

    /**
     * Sets a key's expiry-notice marks to {@code expiresAt}/{@code days} if they still are {@code expectedExpiresAt}/
     * {@code expectedDays} (null = none): one conditional UPDATE, so of several nodes that read the same marks only
     * one changes them. Commits with the caller's transaction. @return whether this call changed them
     */
    boolean replaceNotice(RealmModel realm, String keyId, Long expectedExpiresAt, Integer expectedDays, Long expiresAt, Integer days);

    /** Deletes the realm's keys revoked or expired before {@code before}. @return how many */
    int purgeEndedBefore(RealmModel realm, long before);

    /**
     * Gives unrevoked keys of the realm the expiry {@code latest}: those without an expiry, and unless
     * {@code onlyWithoutExpiry} also those expiring later. @return how many changed
     */
    int bindExpiry(RealmModel realm, long latest, boolean onlyWithoutExpiry);

    void removeByUser(RealmModel realm, String userId);

    void removeByRealm(String realmId);
}
