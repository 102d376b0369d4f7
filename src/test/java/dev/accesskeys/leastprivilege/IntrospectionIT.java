package dev.accesskeys.leastprivilege;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.grant.GrantFixture;
import dev.accesskeys.grant.GrantFixture.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static dev.accesskeys.leastprivilege.KeyTokenFixture.limits;
import static dev.accesskeys.leastprivilege.KeyTokenFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak's introspection endpoint, asked by a resource server about a key's token: it answers the token's own
 * claims, and {@code active: false} as soon as the key or its owner stops.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class IntrospectionIT {

    @InjectRealm(config = LeastPrivilegeRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static KeyTokenFixture fixture;
    private KeyTokenFixture f;

    @BeforeEach
    void setUp() {
        if (fixture == null || !fixture.realm().equals(managedRealm.getName())) {
            fixture = KeyTokenFixture.create(urls.getBase(), managedRealm.getName(), admin);
        }
        f = fixture;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private JsonNode activeAnswer(String token) {
        Reply reply = f.introspect(token);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().get("active").asBoolean(), reply.body());
        return reply.json();
    }

    private void assertInactive(String token) {
        Reply reply = f.introspect(token);
        assertEquals(200, reply.status(), reply.body());
        assertFalse(reply.json().get("active").asBoolean(), reply.body());
        assertNull(reply.json().get("sub"), "an inactive answer says nothing else: " + reply.body());
    }

    @Test
    void theAnswerIsTheTokensOwnClaimsCutToTheKey() {
        String token = f.tokenOf(f.grant.aliceId, limits("roles", list("reader")));
        JsonNode jwt = GrantFixture.claims(token);
        JsonNode answer = activeAnswer(token);
        assertEquals(jwt.get("access_key_id").asText(), answer.get("access_key_id").asText());
        assertEquals(jwt.get("sub").asText(), answer.get("sub").asText());
        assertEquals(jwt.get("scope").asText(), answer.get("scope").asText());
        assertEquals(Set.of("reader"), texts(answer.path("realm_access").get("roles")));
        assertEquals(texts(jwt.path("realm_access").get("roles")), texts(answer.path("realm_access").get("roles")));
        assertEquals(jwt.path("resource_access").toString(), answer.path("resource_access").toString());
        assertFalse(answer.path("realm_access").toString().contains("writer"), "the owner's other role: " + answer);
        assertEquals("machine", answer.get("client_id").asText());
        assertEquals("alice", answer.get("username").asText());
    }

    @Test
    void aKeyLimitedToTheProfileScopeIsAnsweredWithoutTheEmail() {
        String token = f.tokenOf(f.grant.aliceId, limits("scopes", list("profile")));
        JsonNode answer = activeAnswer(token);
        assertNull(answer.get("email"), answer.toString());
        assertTrue(answer.get("access_key_id") != null, answer.toString());
    }

    @Test
    void inactiveOnceTheKeyIsRevoked() {
        String[] key = f.grant.createKey(f.grant.aliceId, "revoked", Map.of());
        String token = f.exchange(key, null);
        activeAnswer(token);
        assertEquals(200, f.grant.adminCall("POST", "/" + key[0] + "/revoke", null).status());
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyIsDisabled() {
        String[] key = f.grant.createKey(f.grant.aliceId, "disabled", Map.of());
        String token = f.exchange(key, null);
        activeAnswer(token);
        assertEquals(200, f.grant.adminCall("PATCH", "/" + key[0], Map.of("enabled", false)).status());
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyIsDeleted() {
        String[] key = f.grant.createKey(f.grant.aliceId, "deleted", Map.of());
        String token = f.exchange(key, null);
        activeAnswer(token);
        assertEquals(204, f.grant.adminCall("DELETE", "/" + key[0], null).status());
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyIsRotated() throws InterruptedException {
        String[] key = f.grant.createKey(f.grant.aliceId, "rotated", Map.of());
        String token = f.exchange(key, null);
        activeAnswer(token);
        Thread.sleep(1100); // token times have one-second resolution: the rotate must come in a later second
        Reply rotated = f.grant.adminCall("POST", "/" + key[0] + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        assertInactive(token);
        // a token of the new secret is active
        activeAnswer(f.exchange(new String[] {key[0], rotated.text("secret")}, null));
    }

    @Test
    void aRotateWithOverlapKeepsOldTokensActiveUntilTheOverlapEnds() throws InterruptedException {
        String[] key = f.grant.createKey(f.grant.aliceId, "overlapped", Map.of());
        String token = f.exchange(key, null);
        Thread.sleep(1100);
        Reply rotated = f.grant.adminCall("POST", "/" + key[0] + "/rotate", Map.of("overlapSeconds", 3));
        assertEquals(200, rotated.status(), rotated.body());
        long until = rotated.json().get("previousSecretExpiresAt").asLong();
        activeAnswer(token);
        Thread.sleep(Math.max(0, until - System.currentTimeMillis()) + 300);
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyExpires() throws InterruptedException {
        long expiresAt = System.currentTimeMillis() + 3000;
        String[] key = f.grant.createKey(f.grant.aliceId, "expiring", Map.of("expiresAt", expiresAt));
        String token = f.exchange(key, null);
        activeAnswer(token);
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 300);
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheOwnerIsDisabled() {
        String userId = f.grant.user("carol-" + System.nanoTime(), "reader");
        String[] key = f.grant.createKey(userId, "owner-disabled", Map.of());
        String token = f.exchange(key, null);
        activeAnswer(token);
        UserRepresentation user = f.grant.realm.users().get(userId).toRepresentation();
        user.setEnabled(false);
        f.grant.realm.users().get(userId).update(user);
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheOwnerIsDeleted() {
        String userId = f.grant.user("dave-" + System.nanoTime(), "reader");
        String[] key = f.grant.createKey(userId, "owner-deleted", Map.of());
        String token = f.exchange(key, null);
        activeAnswer(token);
        f.grant.realm.users().delete(userId).close();
        assertInactive(token);
    }
}
