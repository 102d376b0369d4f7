package dev.accesskeys.model;

import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * A realm's access-key policy. Null numbers mean "no limit" / "realm default".
 *
 * @param maxKeysPerUser             keys a user may hold that are not revoked
 * @param maxLifetimeDays            longest lifetime of a key, counted from its creation or last rotate
 * @param requireExpiration          every key must have an expiry
 * @param defaultLifetimeDays        expiry given to a new key that names none
 * @param deleteRequiresInactive     an active key must be disabled or revoked before it can be deleted
 * @param accessTokenLifespanSeconds lifespan of tokens issued from keys; null = the realm's access-token lifespan
 * @param maxRotationOverlapSeconds  longest time the previous secret may keep working after a rotate
 * @param expiryNotificationDays     days before expiry the owner is e-mailed, largest first; empty = no e-mails
 * @param revokedRetentionDays       revoked and expired keys are deleted this many days after revokedAt / expiresAt
 * @param leakedKeyAction            what a reported leaked secret does to its key: {@code revoke} or {@code disable}
 */
public record KeyPolicy(int maxKeysPerUser, Integer maxLifetimeDays, boolean requireExpiration,
                        Integer defaultLifetimeDays, boolean deleteRequiresInactive,
                        Integer accessTokenLifespanSeconds, int maxRotationOverlapSeconds,
                        List<Integer> expiryNotificationDays, int revokedRetentionDays, String leakedKeyAction) {

    public static final int DEFAULT_MAX_KEYS_PER_USER = 10;
    static final int STORED_KEYS_FACTOR = 10;
    public static final int DEFAULT_MAX_ROTATION_OVERLAP_SECONDS = 604_800;
    public static final List<Integer> DEFAULT_EXPIRY_NOTIFICATION_DAYS = List.of(7, 1);
    public static final int DEFAULT_REVOKED_RETENTION_DAYS = 90;
    public static final String LEAKED_REVOKE = "revoke";
    public static final String LEAKED_DISABLE = "disable";
    /** Lifetime given to keys without expiry when a policy starts requiring one and sets no lifetime (GitLab's rule). */
    public static final int BINDING_FALLBACK_DAYS = 365;

    public static final KeyPolicy DEFAULTS = new KeyPolicy(DEFAULT_MAX_KEYS_PER_USER, null, false, null, false, null,
            DEFAULT_MAX_ROTATION_OVERLAP_SECONDS, DEFAULT_EXPIRY_NOTIFICATION_DAYS, DEFAULT_REVOKED_RETENTION_DAYS,
            LEAKED_REVOKE);

    /** The first six fields, the lifecycle fields at their defaults. */
    public KeyPolicy(int maxKeysPerUser, Integer maxLifetimeDays, boolean requireExpiration, Integer defaultLifetimeDays,
                     boolean deleteRequiresInactive, Integer accessTokenLifespanSeconds) {
        this(maxKeysPerUser, maxLifetimeDays, requireExpiration, defaultLifetimeDays, deleteRequiresInactive,
                accessTokenLifespanSeconds, DEFAULT_MAX_ROTATION_OVERLAP_SECONDS, DEFAULT_EXPIRY_NOTIFICATION_DAYS,
                DEFAULT_REVOKED_RETENTION_DAYS, LEAKED_REVOKE);
    }

    /** Latest expiry allowed for a key whose lifetime started at {@code start}, or null when lifetimes are unlimited. */
    public Long latestExpiry(long start) {
        return maxLifetimeDays == null ? null : start + TimeUnit.DAYS.toMillis(maxLifetimeDays);
    }

    /**
     * Expiry of a new key created at {@code createdAt} that names none: the default lifetime, else the maximum
     * lifetime, else none (null).
     */
    public Long defaultExpiry(long createdAt) {
        if (defaultLifetimeDays != null) {
            return createdAt + TimeUnit.DAYS.toMillis(defaultLifetimeDays);
        }
        return latestExpiry(createdAt);
    }

    /**
     * Keys a user may have stored at all, revoked ones included (they stay listed for audit until the retention
     * purge): ten times {@code maxKeysPerUser}, so create-and-revoke loops cannot grow the table without bound.
     */
    public int maxStoredKeysPerUser() {
        return STORED_KEYS_FACTOR * maxKeysPerUser;
    }

    /** Whether a key may live without an expiry. */
    public boolean allowsNoExpiry() {
        return !requireExpiration && maxLifetimeDays == null;
    }

    /**
     * The expiry that existing keys breaking this policy get when it takes effect at {@code now}: the latest it
     * allows counted from then (the maximum lifetime; with only {@code requireExpiration}, the default lifetime or
     * else {@value #BINDING_FALLBACK_DAYS} days), or null when the policy lets keys live forever.
     */
    public Long bindingExpiry(long now) {
        if (maxLifetimeDays != null) {
            return latestExpiry(now);
        }
        if (requireExpiration) {
            return now + TimeUnit.DAYS.toMillis(defaultLifetimeDays != null ? defaultLifetimeDays : BINDING_FALLBACK_DAYS);
        }
        return null;
    }
}
