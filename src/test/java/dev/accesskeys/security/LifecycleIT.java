package dev.accesskeys.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.JsonNode;


/** What happens to keys when their owner or realm goes away, when the owner is disabled, and when a key expires. */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class LifecycleIT {

    private static final String INVALID = "Invalid access key or secret";

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private AccessKeysApi fixture() {
        return new AccessKeysApi(urls.getBase(), admin, realm.getName());
    }

    @Test
    void deletingAUserDeletesEveryKeyItOwned() {
        AccessKeysApi f = fixture();
        String leaverId = f.user("leaver");
        String stayerId = f.user("stayer");
        Key active = f.createKey(leaverId, "active", Map.of());
        Key disabled = f.createKey(leaverId, "disabled", Map.of("enabled", false));
        Key revoked = f.createKey(leaverId, "revoked", Map.of());
        assertEquals(200, f.http().call("POST", f.adminPath() + "/" + revoked.id() + "/revoke", f.adminToken(), null, null).status());
        Key kept = f.createKey(stayerId, "kept", Map.of());
        assertEquals(3, keysOf(f, leaverId));

        f.realmAdmin().users().get(leaverId).remove();

        assertEquals(0, keysOf(f, leaverId), "no key of the deleted user is left");
        for (JsonNode key : f.http().get(f.adminPath() + "?max=1000", f.adminToken()).json()) {
            assertFalse(leaverId.equals(key.get("userId").asText()), "a key of the deleted user in the realm list: " + key);
        }
        for (Key key : List.of(active, disabled, revoked)) {
            assertEquals(404, f.http().get(f.adminPath() + "/" + key.id(), f.adminToken()).status());
            assertInvalid(f.exchange(key));
        }
        assertEquals(200, f.exchange(kept).status(), "another user's key is untouched");
    }

    @Test
    void deletingARealmDeletesItsKeys() {
        // a realm with a fixed id: deleted and created again, it must come back without the old keys
        RealmRepresentation temp = new RealmRepresentation();
        temp.setId("security-temp-id");
        temp.setRealm("security-temp");
        temp.setEnabled(true);
        admin.realms().create(temp);
        AccessKeysApi f = new AccessKeysApi(urls.getBase(), admin, "security-temp");
        try {
            String ownerId = f.user("owner");
            for (int i = 0; i < 3; i++) {
                f.createKey(ownerId, "in the temp realm " + i, Map.of());
            }
            assertEquals(3, f.http().get(f.adminPath(), f.adminToken()).json().size());
            admin.realm("security-temp").remove();
            admin.realms().create(temp);
            Reply after = f.http().get(f.adminPath(), f.adminToken());
            assertEquals(200, after.status(), after.toString());
            assertEquals(0, after.json().size(), "the re-created realm has none of the old keys: " + after);
        } finally {
            admin.realm("security-temp").remove();
        }
    }

    @Test
    void disablingTheOwnerMakesItsKeysFailAndEnablingRestoresThem() {
        AccessKeysApi f = fixture();
        String userId = f.user("sleeper");
        Key key = f.createKey(userId, "sleeper's", Map.of());
        Key other = f.createKey(userId, "sleeper's other", Map.of());
        assertEquals(200, f.exchange(key).status());
        setEnabled(f, userId, false);
        assertInvalid(f.exchange(key));
        assertInvalid(f.exchange(other));
        setEnabled(f, userId, true);
        assertEquals(200, f.exchange(key).status());
        assertEquals(200, f.exchange(other).status());
    }

    /**
     * A key expiring ~2.5 s ahead, exchanged without pause across its expiry. The server's clock is this machine's
     * clock (same host), so: an exchange answered before {@code expiresAt} must succeed, and one sent at or after it
     * must fail. Exchanges in flight across the instant (sent before, answered after) may go either way: that window
     * is the request's own duration, a few milliseconds, and its width is reported.
     */
    @Test
    void anExpiredKeyFailsFromItsExpiryOn() {
        AccessKeysApi f = fixture();
        String userId = f.user("expiring");
        long expiresAt = System.currentTimeMillis() + 2500;
        Key key = f.createKey(userId, "expiring", Map.of("expiresAt", expiresAt));
        List<long[]> attempts = new ArrayList<>();
        while (System.currentTimeMillis() < expiresAt + 400) {
            long sent = System.currentTimeMillis();
            int status = f.exchange(key).status();
            attempts.add(new long[] {sent, System.currentTimeMillis(), status});
        }
        long lastSuccessAnswered = Long.MIN_VALUE;
        long firstFailureSent = Long.MAX_VALUE;
        int before = 0;
        int after = 0;
        for (long[] a : attempts) {
            if (a[1] < expiresAt) {
                before++;
                assertEquals(200, a[2], "answered " + (expiresAt - a[1]) + " ms before expiresAt");
                lastSuccessAnswered = Math.max(lastSuccessAnswered, a[1]);
            } else if (a[0] >= expiresAt) {
                after++;
                assertEquals(400, a[2], "sent " + (a[0] - expiresAt) + " ms after expiresAt");
                firstFailureSent = Math.min(firstFailureSent, a[0]);
            }
        }
        System.out.printf("EXPIRY: %d exchanges answered before expiresAt (all 200, last %d ms before), %d sent at/after it "
                + "(all 400, first %d ms after)%n", before, expiresAt - lastSuccessAnswered, after, firstFailureSent - expiresAt);
        assertTrue(before > 10 && after > 10, "exchanges on both sides of the expiry");
        assertTrue(expiresAt - lastSuccessAnswered < 500 && firstFailureSent - expiresAt < 500,
                "the boundary was probed within 500 ms on both sides (a slow request under load can leave a gap)");
        assertEquals("expired", f.http().get(f.adminPath() + "/" + key.id(), f.adminToken()).text("status"));
    }

    private static int keysOf(AccessKeysApi f, String userId) {
        Reply reply = f.http().get(f.adminPath() + "?userId=" + userId + "&max=1000", f.adminToken());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().size();
    }

    private static void setEnabled(AccessKeysApi f, String userId, boolean enabled) {
        UserRepresentation rep = f.realmAdmin().users().get(userId).toRepresentation();
        rep.setEnabled(enabled);
        f.realmAdmin().users().get(userId).update(rep);
    }

    private static void assertInvalid(Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("invalid_grant", reply.text("error"), reply.toString());
        assertEquals(INVALID, reply.text("error_description"), reply.toString());
    }
}
