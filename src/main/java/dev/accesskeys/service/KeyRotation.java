package dev.accesskeys.service;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.KeyPolicy;

/** A new secret for the same key ID, with or without a time during which the replaced secret keeps working. */
final class KeyRotation {

    private final ServiceContext context;

    KeyRotation(ServiceContext context) {
        this.context = context;
    }

    /**
     * With {@code overlapSeconds} > 0 (at most the policy's {@code maxRotationOverlapSeconds}) the secret being
     * replaced keeps working that long; a previous secret still in its overlap ends now (only one previous secret
     * exists). {@code expiresAt}, when given, sets a new expiry, bounded by the policy from now (the new secret's
     * lifetime starts with the rotate). Without an overlap the key's sessions end now; with one they end with it (a
     * refresh after its end is refused, see {@link KeyVerifier#keyOfActiveToken}).
     */
    IssuedKey rotate(AccessKey key, Integer overlapSeconds, Change<Long> expiresAt) {
        long now = context.now();
        KeyPolicy policy = context.policy();
        int overlap = overlapSeconds == null ? 0 : overlapSeconds;
        if (overlap < 0 || overlap > policy.maxRotationOverlapSeconds()) {
            throw AccessKeyException.invalid("overlapSeconds", "must be between 0 and " + policy.maxRotationOverlapSeconds()
                    + " (the realm's maxRotationOverlapSeconds)");
        }
        Long newExpiry = expiresAt == null ? key.getExpiresAt()
                : new KeyFieldChecks(context.realm(), policy).changedExpiry(expiresAt.value(), now, now);
        String secret = context.node().generator().newSecret();
        if (overlap > 0) {
            key.setPreviousSecret(key.getSecretHash(), now + overlap * 1000L);
        } else {
            key.setPreviousSecret(null, null);
        }
        key.setSecretHash(SecretHasher.hash(secret));
        key.setRotatedAt(now);
        key.setExpiresAt(newExpiry);
        if (overlap == 0) {
            KeySessions.end(context.session(), context.realm(), key);
        }
        return new IssuedKey(key, secret);
    }
}
