package dev.accesskeys.leastprivilege;

import dev.accesskeys.AccessKeys;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;

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

import static dev.accesskeys.support.AccessKeysApi.fields;
import static dev.accesskeys.leastprivilege.Cast.*;
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

    /** This test's view of the realm (no state kept between tests). */
    private AccessKeysApi f;

    @BeforeEach
    void api() {
        f = new AccessKeysApi(urls.getBase(), admin, managedRealm.getName());
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
        String token = tokenOf(f, alice(f), fields("roles", List.of("reader")));
        JsonNode jwt = AccessKeysApi.claims(token);
        JsonNode answer = activeAnswer(token);
        assertEquals(jwt.get(AccessKeys.ACCESS_KEY_ID_CLAIM).asText(), answer.get(AccessKeys.ACCESS_KEY_ID_CLAIM).asText());
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
        String token = tokenOf(f, alice(f), fields("scopes", List.of("profile")));
        JsonNode answer = activeAnswer(token);
        assertNull(answer.get("email"), answer.toString());
        assertTrue(answer.get(AccessKeys.ACCESS_KEY_ID_CLAIM) != null, answer.toString());
    }

    @Test
    void inactiveOnceTheKeyIsRevoked() {
        Key key = f.createKey(alice(f), "revoked", Map.of());
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        assertEquals(200, f.admin("POST", "/" + key.id() + "/revoke", null).status());
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyIsDisabled() {
        Key key = f.createKey(alice(f), "disabled", Map.of());
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("enabled", false)).status());
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyIsDeleted() {
        Key key = f.createKey(alice(f), "deleted", Map.of());
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        assertEquals(204, f.admin("DELETE", "/" + key.id(), null).status());
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyIsRotated() throws InterruptedException {
        Key key = f.createKey(alice(f), "rotated", Map.of());
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        Thread.sleep(1100); // token times have one-second resolution: the rotate must come in a later second
        Reply rotated = f.admin("POST", "/" + key.id() + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        assertInactive(token);
        // a token of the new secret is active
        activeAnswer(f.tokenOf(new Key(key.id(), rotated.text("secret")), null));
    }

    @Test
    void aRotateWithOverlapKeepsOldTokensActiveUntilTheOverlapEnds() throws InterruptedException {
        Key key = f.createKey(alice(f), "overlapped", Map.of());
        String token = f.tokenOf(key, null);
        Thread.sleep(1100);
        Reply rotated = f.admin("POST", "/" + key.id() + "/rotate", Map.of("overlapSeconds", 3));
        assertEquals(200, rotated.status(), rotated.body());
        long until = rotated.json().get("previousSecretExpiresAt").asLong();
        activeAnswer(token);
        Thread.sleep(Math.max(0, until - System.currentTimeMillis()) + 300);
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheKeyExpires() throws InterruptedException {
        long expiresAt = System.currentTimeMillis() + 3000;
        Key key = f.createKey(alice(f), "expiring", Map.of("expiresAt", expiresAt));
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 300);
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheOwnerIsDisabled() {
        String userId = f.userWithRealmRoles("carol-" + System.nanoTime(), "reader");
        Key key = f.createKey(userId, "owner-disabled", Map.of());
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        UserRepresentation user = f.realmAdmin().users().get(userId).toRepresentation();
        user.setEnabled(false);
        f.realmAdmin().users().get(userId).update(user);
        assertInactive(token);
    }

    @Test
    void inactiveOnceTheOwnerIsDeleted() {
        String userId = f.userWithRealmRoles("dave-" + System.nanoTime(), "reader");
        Key key = f.createKey(userId, "owner-deleted", Map.of());
        String token = f.tokenOf(key, null);
        activeAnswer(token);
        f.realmAdmin().users().delete(userId).close();
        assertInactive(token);
    }
}
