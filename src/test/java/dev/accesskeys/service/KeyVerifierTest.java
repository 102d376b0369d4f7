package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;

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

    @Test
    void aRevokedKeyIsRefusedFromItsCopyAfterTheFirstRead() {
        CountingStore store = new CountingStore(new Key("ak_revoked", true, 1_000L));
        for (int attempt = 0; attempt < 5; attempt++) {
            KeyVerification result = verifier(store).verify("ak_revoked", SECRET);
            assertEquals(KeyVerification.Outcome.REVOKED, result.outcome());
        }
        assertEquals(1, store.reads, "one read, then the revoked copy answers");
    }

    @Test
    void aWrongSecretForARevokedKeyIsNotKeptAndReadEachTime() {
        CountingStore store = new CountingStore(new Key("ak_revoked", true, 1_000L));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(KeyVerification.Outcome.WRONG_SECRET, verifier(store).verify("ak_revoked", "aks_wrong").outcome());
        }
        assertEquals(3, store.reads);
        assertEquals(Map.of(), store.copies);
    }

    @Test
    void aDisabledKeyMayBeEnabledAgainSoItIsReadEachTime() {
        CountingStore store = new CountingStore(new Key("ak_disabled", false, null));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(KeyVerification.Outcome.DISABLED, verifier(store).verify("ak_disabled", SECRET).outcome());
        }
        assertEquals(3, store.reads);
        assertEquals(Map.of(), store.copies);
    }

    /** A stored key with {@link #SECRET}; read-only. */
    private record Key(String id, boolean enabled, Long revokedAt) implements AccessKey {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getRealmId() {
            return "r";
        }

        @Override
        public String getUserId() {
            return "u";
        }

        @Override
        public String getName() {
            return "k";
        }

        @Override
        public void setName(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getDescription() {
            return null;
        }

        @Override
        public void setDescription(String description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getSecretHash() {
            return SecretHasher.hash(SECRET);
        }

        @Override
        public void setSecretHash(String secretHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isEnabled() {
            return enabled;
        }

        @Override
        public void setEnabled(boolean enabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> getScopes() {
            return null;
        }

        @Override
        public void setScopes(List<String> scopes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> getClients() {
            return null;
        }

        @Override
        public void setClients(List<String> clients) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> getRoles() {
            return null;
        }

        @Override
        public void setRoles(List<String> roles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCreatedAt() {
            return 0;
        }

        @Override
        public String getCreatedBy() {
            return null;
        }

        @Override
        public Long getExpiresAt() {
            return null;
        }

        @Override
        public void setExpiresAt(Long expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Long getRevokedAt() {
            return revokedAt;
        }

        @Override
        public void setRevokedAt(Long revokedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Long getLastUsedAt() {
            return null;
        }

        @Override
        public String getLastUsedIp() {
            return null;
        }
    }
}
