package dev.accesskeys.service;

import java.util.List;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyStatus;

import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;

/** Checking a presented key, a token's key and where a key may be used; recording its use. */
public final class KeyVerifier {

    private final ServiceContext context;

    KeyVerifier(ServiceContext context) {
        this.context = context;
    }

    /**
     * Checks a presented key ID and secret. The secret is hashed and compared in constant time whether or not the
     * key ID exists, so an unknown ID costs the same as a wrong secret. Only a secret that matches this node's
     * verified copy of the key is answered without reading the store. A copy is kept of an active key and of a
     * revoked one (revocation is final), so a machine that keeps presenting a revoked key's secret costs one read
     * per copy lifetime, not one per attempt; disabled and expired keys may change back and are read each time.
     */
    public KeyVerification verify(String keyId, String secret) {
        long now = context.now();
        AccessKeyProvider store = context.store();
        String presented = SecretHasher.hash(secret == null ? "" : secret);
        AccessKey key = keyId == null ? null : store.getVerifiedCopy(context.realm(), keyId);
        if (key == null || !secretMatches(presented, key, now)) {
            // not verified on this node yet, or another secret: read the stored key (unknown IDs take this path too)
            key = new KeyReads(context).find(keyId);
            boolean secretMatches = key == null ? SecretHasher.matches(presented, SecretHasher.NO_KEY_HASH)
                    : secretMatches(presented, key, now);
            if (key == null) {
                return new KeyVerification(KeyVerification.Outcome.UNKNOWN_KEY, null, null);
            }
            if (!secretMatches) {
                return new KeyVerification(KeyVerification.Outcome.WRONG_SECRET, key, null);
            }
            AccessKeyStatus status = key.getStatus(now);
            if (status == AccessKeyStatus.ACTIVE || status == AccessKeyStatus.REVOKED) {
                // a revoked key stays revoked (final): its copy lets retries be refused without a read per attempt
                store.keepVerified(key);
            }
        }
        switch (key.getStatus(now)) {
            case REVOKED:
                return new KeyVerification(KeyVerification.Outcome.REVOKED, key, null);
            case EXPIRED:
                return new KeyVerification(KeyVerification.Outcome.EXPIRED, key, null);
            case DISABLED:
                return new KeyVerification(KeyVerification.Outcome.DISABLED, key, null);
            default:
                break;
        }
        UserModel owner = context.session().users().getUserById(context.realm(), key.getUserId());
        if (owner == null) {
            return new KeyVerification(KeyVerification.Outcome.UNKNOWN_KEY, key, null);
        }
        if (!owner.isEnabled()) {
            return new KeyVerification(KeyVerification.Outcome.OWNER_DISABLED, key, owner);
        }
        return new KeyVerification(KeyVerification.Outcome.VALID, key, owner);
    }

    /**
     * Whether a token issued from the key (or a session opened with it) at {@code issuedAtSeconds} still stands: the
     * key exists and is active, was not rotated after the token (unless the rotation's overlap still runs), and its
     * owner exists and is enabled; returns that key, or null. Read from this node's verified copy when it has one
     * (invalidated on every node by each change), else from the store.
     */
    public AccessKey keyOfActiveToken(String keyId, long issuedAtSeconds) {
        long now = context.now();
        AccessKey key = keyId == null ? null : context.store().getVerifiedCopy(context.realm(), keyId);
        if (key == null) {
            key = new KeyReads(context).find(keyId);
        }
        if (key == null || key.getStatus(now) != AccessKeyStatus.ACTIVE || issuedBeforeRotationEnded(key, issuedAtSeconds, now)) {
            return null;
        }
        UserModel owner = context.session().users().getUserById(context.realm(), key.getUserId());
        return owner != null && owner.isEnabled() ? key : null;
    }

    /**
     * Whether the token (issued at {@code issuedAtSeconds}) came before the key's last rotate and that rotate's overlap
     * is over. A token of the same second as the rotate counts as after it (token times have one-second resolution).
     */
    private static boolean issuedBeforeRotationEnded(AccessKey key, long issuedAtSeconds, long now) {
        Long rotatedAt = key.getRotatedAt();
        if (rotatedAt == null || (issuedAtSeconds + 1) * 1000 > rotatedAt) {
            return false;
        }
        Long overlapUntil = key.getPreviousSecretExpiresAt();
        return overlapUntil == null || now >= overlapUntil;
    }

    /**
     * Whether the presented hash is the key's secret, or its previous secret before the overlap ends. The overlap's
     * end is compared with the clock on every call, so a cached copy stops accepting the previous secret on time.
     */
    private static boolean secretMatches(String presented, AccessKey key, long now) {
        boolean current = SecretHasher.matches(presented, key.getSecretHash());
        String previousHash = key.getPreviousSecretHash();
        Long previousUntil = key.getPreviousSecretExpiresAt();
        boolean previous = previousHash != null && previousUntil != null
                && SecretHasher.matches(presented, previousHash) && now < previousUntil;
        return current | previous;
    }

    /**
     * Whether the key may be used from this client address (its {@code allowedCidrs}, if any, contain it). An address
     * that is not an IP literal is outside every list.
     */
    public boolean allowsAddress(AccessKey key, String address) {
        List<String> cidrs = key.getAllowedCidrs();
        if (cidrs == null) {
            return true;
        }
        for (String cidr : cidrs) {
            CidrBlock block = CidrBlock.parse(cidr);
            if (block != null && block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key may be exchanged at this client (its {@code clients} list, if any, names it). */
    public boolean allowsClient(AccessKey key, ClientModel client) {
        List<String> clients = key.getClients();
        return clients == null || clients.contains(client.getClientId());
    }

    /** Notes a successful use: at most one database write per key per minute, whatever the load. */
    public void recordUse(AccessKey key, String ip) {
        long now = context.now();
        if (context.node().lastUse().claim(key.getId(), now)) {
            context.store().recordUse(context.realm().getId(), key.getId(), now, FieldRules.clientAddress(ip),
                    now - LastUseRecorder.INTERVAL_MILLIS + 1);
        }
    }
}
