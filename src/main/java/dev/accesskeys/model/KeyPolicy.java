package dev.accesskeys.model;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A realm's access-key policy. Null numbers mean "no limit" / "realm default".
 *
 * @param maxKeysPerUser             keys a user may hold that are not revoked
 * @param maxLifetimeDays            longest lifetime of a key, counted from its creation
 * @param requireExpiration          every key must have an expiry
 * @param defaultLifetimeDays        expiry given to a new key that names none
 * @param deleteRequiresInactive     an active key must be disabled or revoked before it can be deleted
 * @param accessTokenLifespanSeconds lifespan of tokens issued from keys; null = the realm's access-token lifespan
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KeyPolicy(int maxKeysPerUser, Integer maxLifetimeDays, boolean requireExpiration,
                        Integer defaultLifetimeDays, boolean deleteRequiresInactive,
                        Integer accessTokenLifespanSeconds) {

    public static final int DEFAULT_MAX_KEYS_PER_USER = 10;
    static final int STORED_KEYS_FACTOR = 10;

    public static final KeyPolicy DEFAULTS = new KeyPolicy(DEFAULT_MAX_KEYS_PER_USER, null, false, null, false, null);

    /** Latest expiry allowed for a key created at {@code createdAt}, or null when lifetimes are unlimited. */
    public Long latestExpiry(long createdAt) {
        return maxLifetimeDays == null ? null : createdAt + TimeUnit.DAYS.toMillis(maxLifetimeDays);
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
    @JsonIgnore
    public int maxStoredKeysPerUser() {
        return STORED_KEYS_FACTOR * maxKeysPerUser;
    }

    /** Whether a key may live without an expiry. */
    @JsonIgnore
    public boolean allowsNoExpiry() {
        return !requireExpiration && maxLifetimeDays == null;
    }
}
