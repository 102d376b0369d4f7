package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.accesskeys.lifecycle.LifecycleFixture.Key;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A tightened policy binds existing keys (GitLab's rule): keys that break it get the latest expiry it allows, counted
 * from the change, and the PUT answer counts them. Also the lifecycle policy fields and their validation.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class PolicyBindingIT {

    private static final long DAY = 86_400_000L;

    @InjectRealm(config = LifecycleRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private LifecycleFixture fixture() {
        return new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
    }

    private String owner;

    /** Relaxes the policy and revokes the test's keys, so they do not count in the next test. */
    @AfterEach
    void relax() {
        LifecycleFixture f = fixture();
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        if (owner != null) {
            for (com.fasterxml.jackson.databind.JsonNode key : f.http.get(f.adminPath() + "?userId=" + owner, f.adminToken()).json()) {
                String path = f.adminPath() + "/" + key.get("id").asText() + "/revoke";
                assertEquals(200, f.http.call("POST", path, f.adminToken(), null, null).status());
            }
        }
    }

    @Test
    void maxLifetimeGivesLongerLivedKeysTheLatestAllowedExpiry() {
        LifecycleFixture f = fixture();
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        owner = f.user("bound");
        long now = System.currentTimeMillis();
        Key forever = f.createKey(owner, "forever", Map.of());
        Key hundredDays = f.createKey(owner, "hundred", Map.of("expiresAt", now + 100 * DAY));
        Key fiveDays = f.createKey(owner, "five", Map.of("expiresAt", now + 5 * DAY));
        Key revoked = f.createKey(owner, "revoked", Map.of());
        assertEquals(200, f.http.call("POST", f.adminPath() + "/" + revoked.id() + "/revoke", f.adminToken(), null, null).status());

        long before = System.currentTimeMillis();
        Reply put = f.policy(Map.of("maxKeysPerUser", 50, "maxLifetimeDays", 30));
        long after = System.currentTimeMillis();
        assertEquals(200, put.status(), put.toString());
        assertEquals(2, put.json().get("keysChanged").asInt(), put.toString());
        assertEquals(30, put.json().get("maxLifetimeDays").asInt(), "the policy fields stay as they are");

        for (Key key : List.of(forever, hundredDays)) {
            long expiresAt = f.key(key.id()).json().get("expiresAt").asLong();
            assertTrue(expiresAt >= before + 30 * DAY && expiresAt <= after + 30 * DAY, key.id() + " expires at " + expiresAt);
        }
        assertEquals(now + 5 * DAY, f.key(fiveDays.id()).json().get("expiresAt").asLong(), "a key within the policy keeps its expiry");
        assertTrue(f.key(revoked.id()).json().get("expiresAt").isNull(), "a revoked key is left alone");
        assertEquals(200, f.exchange(forever.id(), forever.secret()).status(), "bound keys still work until their new expiry");

        Reply same = f.policy(Map.of("maxKeysPerUser", 50, "maxLifetimeDays", 30));
        assertEquals(0, same.json().get("keysChanged").asInt(), "the same policy again changes nothing");
    }

    @Test
    void requireExpirationAloneGivesKeysWithoutExpiryTheDefaultLifetime() {
        LifecycleFixture f = fixture();
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        owner = f.user("required");
        long now = System.currentTimeMillis();
        Key forever = f.createKey(owner, "forever", Map.of());
        Key longLived = f.createKey(owner, "long", Map.of("expiresAt", now + 400 * DAY));

        long before = System.currentTimeMillis();
        Reply put = f.policy(Map.of("maxKeysPerUser", 50, "requireExpiration", true, "defaultLifetimeDays", 60));
        assertEquals(200, put.status(), put.toString());
        assertEquals(1, put.json().get("keysChanged").asInt(), put.toString());
        long expiresAt = f.key(forever.id()).json().get("expiresAt").asLong();
        assertTrue(expiresAt >= before + 60 * DAY && expiresAt <= System.currentTimeMillis() + 60 * DAY, "expires at " + expiresAt);
        assertEquals(now + 400 * DAY, f.key(longLived.id()).json().get("expiresAt").asLong(), "no maximum: an expiry is enough");
    }

    @Test
    void lifecycleFieldsAreStoredAndValidated() {
        LifecycleFixture f = fixture();
        Reply put = f.policy(Map.of("maxKeysPerUser", 50, "maxRotationOverlapSeconds", 3600,
                "expiryNotificationDays", List.of(1, 14, 7, 7), "revokedRetentionDays", 30, "leakedKeyAction", "disable",
                "accessTokenLifespanSeconds", 86400));
        assertEquals(200, put.status(), put.toString());
        Reply get = f.http.get(f.adminPath() + "/policy", f.adminToken());
        assertEquals(3600, get.json().get("maxRotationOverlapSeconds").asInt());
        assertEquals("[14,7,1]", get.json().get("expiryNotificationDays").toString());
        assertEquals(30, get.json().get("revokedRetentionDays").asInt());
        assertEquals("disable", get.text("leakedKeyAction"));

        Reply defaults = f.policy(Map.of("maxKeysPerUser", 50));
        assertEquals(604800, defaults.json().get("maxRotationOverlapSeconds").asInt());
        assertEquals("[7,1]", defaults.json().get("expiryNotificationDays").toString());
        assertEquals(90, defaults.json().get("revokedRetentionDays").asInt());
        assertEquals("revoke", defaults.text("leakedKeyAction"));

        Map<String, Object> bad = Map.of("accessTokenLifespanSeconds", 86401, "maxRotationOverlapSeconds", -1,
                "expiryNotificationDays", List.of(0), "revokedRetentionDays", -1, "leakedKeyAction", "delete");
        for (Map.Entry<String, Object> field : bad.entrySet()) {
            Reply refused = f.policy(Map.of(field.getKey(), field.getValue()));
            assertEquals(400, refused.status(), field + ": " + refused);
            assertTrue(refused.text("error_description").startsWith(field.getKey() + ":"), refused.toString());
        }
    }
}
