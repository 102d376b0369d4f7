package dev.accesskeys.cache;

import java.util.Objects;

import org.keycloak.cluster.ClusterEvent;

/**
 * Tells every node that cached verifications are stale: of one key, of one user's keys, or of a whole realm. Sent
 * through Keycloak's {@link org.keycloak.cluster.ClusterProvider} after the change commits; marshalled by
 * {@link KeyInvalidationSchema}. Holds IDs only, never a secret or a hash.
 */
public final class KeyInvalidation implements ClusterEvent {

    private final String realmId;
    /** Empty for every key of the realm (or of {@link #userId}). */
    private final String keyId;
    /** Empty unless all keys of one user are meant. */
    private final String userId;

    private KeyInvalidation(String realmId, String keyId, String userId) {
        this.realmId = Objects.requireNonNull(realmId);
        this.keyId = keyId == null ? "" : keyId;
        this.userId = userId == null ? "" : userId;
    }

    public static KeyInvalidation ofKey(String realmId, String keyId) {
        return new KeyInvalidation(realmId, Objects.requireNonNull(keyId), null);
    }

    public static KeyInvalidation ofUser(String realmId, String userId) {
        return new KeyInvalidation(realmId, null, Objects.requireNonNull(userId));
    }

    public static KeyInvalidation ofRealm(String realmId) {
        return new KeyInvalidation(realmId, null, null);
    }

    static KeyInvalidation unmarshalled(String realmId, String keyId, String userId) {
        return new KeyInvalidation(realmId, keyId, userId);
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

    /** Whether a cached key falls under this invalidation. */
    boolean covers(String keyRealmId, String keyKeyId, String keyUserId) {
        return realmId.equals(keyRealmId)
                && (keyId.isEmpty() || keyId.equals(keyKeyId))
                && (userId.isEmpty() || userId.equals(keyUserId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyInvalidation other && realmId.equals(other.realmId) && keyId.equals(other.keyId)
                && userId.equals(other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realmId, keyId, userId);
    }

    @Override
    public String toString() {
        return "KeyInvalidation[realm=" + realmId + ", key=" + keyId + ", user=" + userId + "]";
    }
}
