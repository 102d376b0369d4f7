package dev.accesskeys.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.model.StoredKey;

import org.junit.jupiter.api.Test;

class VerifiedKeyCacheTest {

    private static final long NOW = 1_800_000_000_000L;

    private static AccessKey key(String realmId, String id, String userId) {
        return new StoredKey(realmId, id, userId);
    }

    @Test
    void keepsADetachedReadOnlyCopy() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        StoredKey stored = new StoredKey("r", "ak_1", "u");
        cache.put(stored, cache.generation(), NOW);
        stored.scopes.add("later");
        AccessKey copy = cache.get("r", "ak_1", NOW);
        assertNotNull(copy);
        assertEquals(List.of("email"), copy.getScopes());
        assertEquals("hash-ak_1", copy.getSecretHash());
        assertThrows(UnsupportedOperationException.class, () -> copy.setEnabled(false));
        assertNull(cache.get("other-realm", "ak_1", NOW));
    }

    @Test
    void aCopyReadBeforeAnInvalidationIsNotKept() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        long readGeneration = cache.generation();
        cache.apply(KeyInvalidation.ofKey("r", "ak_1"));
        cache.put(key("r", "ak_1", "u"), readGeneration, NOW);
        assertNull(cache.get("r", "ak_1", NOW));
        assertEquals(0, cache.size());
    }

    @Test
    void invalidationsDropTheKeyTheUsersKeysOrTheRealmsKeys() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        for (String[] k : new String[][]{{"r", "ak_1", "u1"}, {"r", "ak_2", "u1"}, {"r", "ak_3", "u2"}, {"s", "ak_4", "u3"}}) {
            cache.put(key(k[0], k[1], k[2]), cache.generation(), NOW);
        }
        cache.apply(KeyInvalidation.ofKey("r", "ak_3"));
        assertNull(cache.get("r", "ak_3", NOW));
        assertEquals(3, cache.size());
        cache.apply(KeyInvalidation.ofUser("r", "u1"));
        assertNull(cache.get("r", "ak_1", NOW));
        assertNull(cache.get("r", "ak_2", NOW));
        assertNotNull(cache.get("s", "ak_4", NOW));
        cache.apply(KeyInvalidation.ofRealm("s"));
        assertEquals(0, cache.size());
    }

    @Test
    void aCommittedRevocationKeepsTheCopyAsRevokedAndNeverAddsOne() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        cache.put(key("r", "ak_1", "u"), cache.generation(), NOW);
        assertEquals(AccessKeyStatus.ACTIVE, cache.get("r", "ak_1", NOW).getStatus(NOW));

        cache.apply(KeyInvalidation.ofRevokedKey("r", "ak_1", NOW + 5));
        AccessKey revoked = cache.get("r", "ak_1", NOW + 10);
        assertNotNull(revoked, "the node keeps its copy, so it refuses the key without reading the store");
        assertEquals(AccessKeyStatus.REVOKED, revoked.getStatus(NOW + 10));
        assertEquals(NOW + 5, revoked.getRevokedAt());
        assertEquals("hash-ak_1", revoked.getSecretHash());
        assertEquals(List.of("email"), revoked.getScopes());
        // a second revocation message (e.g. two nodes' views of one bulk revoke) keeps the first time
        cache.apply(KeyInvalidation.ofRevokedKey("r", "ak_1", NOW + 7));
        assertEquals(NOW + 5, cache.get("r", "ak_1", NOW + 10).getRevokedAt());

        // a key this node never verified stays uncached: the message carries no hash to verify a secret against
        cache.apply(KeyInvalidation.ofRevokedKey("r", "ak_2", NOW + 5));
        assertNull(cache.get("r", "ak_2", NOW + 10));
        assertEquals(1, cache.size());
        // deleting the revoked key drops the copy
        cache.apply(KeyInvalidation.ofKey("r", "ak_1"));
        assertEquals(0, cache.size());
    }

    @Test
    void anActiveCopyReadBeforeARevocationIsNotKept() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        long readGeneration = cache.generation();
        cache.apply(KeyInvalidation.ofRevokedKey("r", "ak_1", NOW));
        cache.put(key("r", "ak_1", "u"), readGeneration, NOW);
        assertNull(cache.get("r", "ak_1", NOW));
    }

    @Test
    void copiesExpireAfterTheirMaxAge() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        cache.configure(10, 60);
        cache.put(key("r", "ak_1", "u"), cache.generation(), NOW);
        assertNotNull(cache.get("r", "ak_1", NOW + 59_999));
        assertNull(cache.get("r", "ak_1", NOW + 60_000));
    }

    @Test
    void staysWithinItsSizeAndZeroTurnsItOff() {
        VerifiedKeyCache cache = new VerifiedKeyCache();
        cache.configure(2, 60);
        for (int i = 0; i < 5; i++) {
            cache.put(key("r", "ak_" + i, "u"), cache.generation(), NOW);
        }
        assertEquals(2, cache.size());
        // expired copies make room
        cache.put(key("r", "ak_9", "u"), cache.generation(), NOW + 60_000);
        assertNotNull(cache.get("r", "ak_9", NOW + 60_000));
        cache.configure(0, 60);
        cache.put(key("r", "ak_1", "u"), cache.generation(), NOW);
        assertEquals(0, cache.size());
    }
}
