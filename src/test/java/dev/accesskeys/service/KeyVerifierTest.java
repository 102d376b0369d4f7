package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.StoredKey;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/**
 * Which keys the verification keeps a copy of: a revoked key is final, so retries of its secret are refused from the
 * copy; a disabled key may be enabled again, so it is read each time. The store here is an in-memory stand-in that
 * counts reads and keeps copies as a caching store would.
 */
class KeyVerifierTest {

    private static final String SECRET = "aks_theRightSecret";

    /** A store holding one key: counts getById, keeps the copies keepVerified is given. */
    private static final class CountingStore {
        final AccessKey stored;
        final Map<String, AccessKey> copies = new HashMap<>();
        int reads;

        CountingStore(AccessKey stored) {
            this.stored = stored;
        }

        AccessKeyProvider provider() {
            return (AccessKeyProvider) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{AccessKeyProvider.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getById" -> {
                            reads++;
                            yield stored.getId().equals(args[1]) ? stored : null;
                        }
                        case "getVerifiedCopy" -> copies.get((String) args[1]);
                        case "keepVerified" -> {
                            AccessKey key = (AccessKey) args[0];
                            copies.put(key.getId(), key);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static RealmModel realm() {
        return (RealmModel) Proxy.newProxyInstance(KeyVerifierTest.class.getClassLoader(), new Class<?>[]{RealmModel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getId")) {
                        return "r";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static KeyVerifier verifier(CountingStore store) {
        return new KeyVerifier(new ServiceContext(null, realm(), store.provider(), null));
    }

    /** A stored key whose secret is {@link #SECRET}. */
    private static StoredKey key(String id, boolean enabled, Long revokedAt) {
        StoredKey key = new StoredKey("r", id, "u");
        key.secretHash = SecretHasher.hash(SECRET);
        key.enabled = enabled;
        key.revokedAt = revokedAt;
        return key;
    }

    @Test
    void aRevokedKeyIsRefusedFromItsCopyAfterTheFirstRead() {
        CountingStore store = new CountingStore(key("ak_revoked", true, 1_000L));
        for (int attempt = 0; attempt < 5; attempt++) {
            KeyVerification result = verifier(store).verify("ak_revoked", SECRET);
            assertEquals(KeyVerification.Outcome.REVOKED, result.outcome());
        }
        assertEquals(1, store.reads, "one read, then the revoked copy answers");
    }

    @Test
    void aWrongSecretForARevokedKeyIsNotKeptAndReadEachTime() {
        CountingStore store = new CountingStore(key("ak_revoked", true, 1_000L));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(KeyVerification.Outcome.WRONG_SECRET, verifier(store).verify("ak_revoked", "aks_wrong").outcome());
        }
        assertEquals(3, store.reads);
        assertEquals(Map.of(), store.copies);
    }

    @Test
    void aDisabledKeyMayBeEnabledAgainSoItIsReadEachTime() {
        CountingStore store = new CountingStore(key("ak_disabled", false, null));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(KeyVerification.Outcome.DISABLED, verifier(store).verify("ak_disabled", SECRET).outcome());
        }
        assertEquals(3, store.reads);
        assertEquals(Map.of(), store.copies);
    }
}
