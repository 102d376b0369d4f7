package dev.accesskeys.cache;

import java.util.Objects;

import org.keycloak.cluster.ClusterEvent;

/**
 * Tells every node that cached verifications are stale: of one key, of one user's keys, or of a whole realm. Sent
 * through Keycloak's {@link org.keycloak.cluster.ClusterProvider} after the change commits; marshalled by
 * {@link KeyInvalidationSchema}. Holds IDs only, never a secret or a hash, and for a key revoked by the change the
 * time of its revocation: revocation is final, so a node keeps its copy of that key as revoked and refuses the key
 * without reading the database.
 */
public final class KeyInvalidation implements ClusterEvent {

    private final String realmId;
    /** Empty for every key of the realm (or of {@link #userId}). */
    private final String keyId;
    /** Empty unless all keys of one user are meant. */
    private final String userId;
    /** When the change revoked the key {@link #keyId} (epoch ms); 0 when it did not. */
    private final long revokedAt;

    private KeyInvalidation(String realmId, String keyId, String userId, long revokedAt) {
        this.realmId = Objects.requireNonNull(realmId);
        this.keyId = keyId == null ? "" : keyId;
        this.userId = userId == null ? "" : userId;
        this.revokedAt = revokedAt;
    }

    public static KeyInvalidation ofKey(String realmId, String keyId) {
        return new KeyInvalidation(realmId, Objects.requireNonNull(keyId), null, 0);
    }

    /** The key was revoked at {@code revokedAt} (epoch ms) by the committed change. */
    public static KeyInvalidation ofRevokedKey(String realmId, String keyId, long revokedAt) {
        if (revokedAt <= 0) {
            throw new IllegalArgumentException("a revocation time is after the epoch");
        }
        return new KeyInvalidation(realmId, Objects.requireNonNull(keyId), null, revokedAt);
    }

    public static KeyInvalidation ofUser(String realmId, String userId) {
        return new KeyInvalidation(realmId, null, Objects.requireNonNull(userId), 0);
    }

    public static KeyInvalidation ofRealm(String realmId) {
        return new KeyInvalidation(realmId, null, null, 0);
    }

    /** As read from another node; a revocation time without a single key (not sent by any node) is ignored. */
    static KeyInvalidation unmarshalled(String realmId, String keyId, String userId, long revokedAt) {
        boolean oneKey = keyId != null && !keyId.isEmpty() && (userId == null || userId.isEmpty());
        return new KeyInvalidation(realmId, keyId, userId, oneKey && revokedAt > 0 ? revokedAt : 0);
    }

    String realmId() {
        return realmId;
    }

    String keyId() {
        return keyId;
    }

    String userId() {
        return userId;
    }

    /** The revocation time of the one key this invalidates, or 0. */
    long revokedAt() {
        return revokedAt;
    }

    /** Whether a cached key falls under this invalidation. */
    boolean covers(String keyRealmId, String keyKeyId, String keyUserId) {
        return realmId.equals(keyRealmId)
                && (keyId.isEmpty() || keyId.equals(keyKeyId))
                && (userId.isEmpty() || userId.equals(keyUserId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyInvalidation other && realmId.equals(other.realmId) && keyId.equals(other.keyId)
                && userId.equals(other.userId) && revokedAt == other.revokedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(realmId, keyId, userId, revokedAt);
    }

    @Override
    public String toString() {
        return "KeyInvalidation[realm=" + realmId + ", key=" + keyId + ", user=" + userId
                + (revokedAt == 0 ? "" : ", revokedAt=" + revokedAt) + "]";
    }
}
