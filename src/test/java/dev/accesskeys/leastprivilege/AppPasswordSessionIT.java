package dev.accesskeys.leastprivilege;

import dev.accesskeys.AccessKeys;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.GrantClients;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static dev.accesskeys.leastprivilege.Cast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * App passwords (the password grant with key ID and secret): the session's tokens carry no more than the key, and
 * the session ends when the key stops — a refresh then fails with {@code invalid_grant}, online and offline.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AppPasswordSessionIT {

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

    private Key key(String name, Map<String, Object> limits) {
        return f.createKey(alice(f), name + "-" + System.nanoTime(), limits);
    }

    private String login(Key key, String scope) {
        Reply reply = f.passwordLogin(GrantClients.APP_PASSWORDS, key.id(), key.secret(), scope);
        assertEquals(200, reply.status(), reply.body());
        String refresh = reply.text("refresh_token");
        assertNotNull(refresh, reply.body());
        assertEquals(200, f.refresh(GrantClients.APP_PASSWORDS, refresh).status(), "a refresh works while the key stands");
        return refresh;
    }

    private void assertRefreshRefused(String refresh) {
        Reply reply = f.refresh(GrantClients.APP_PASSWORDS, refresh);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid_grant", reply.text("error"), reply.body());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    @Test
    void theSessionsTokensIdTokenAndUserinfoCarryOnlyTheKeysScopesAndRoles() {
        Key key = key("cut", Map.of("scopes", List.of("profile", "roles"), "roles", List.of("reader")));
        Reply reply = f.passwordLogin(GrantClients.APP_PASSWORDS, key.id(), key.secret(), "openid profile roles");
        assertEquals(200, reply.status(), reply.body());
        JsonNode access = AccessKeysApi.claims(reply.text("access_token"));
        assertEquals(key.id(), access.get(AccessKeys.ACCESS_KEY_ID_CLAIM).asText());
        assertNull(access.get("email"), access.toString());
        assertEquals(Set.of("reader"), texts(access.path("realm_access").get("roles")));
        // the roles scope is not listed in "scope" (Keycloak's include.in.token.scope is off for it)
        assertEquals(Set.of("openid", "profile"), new TreeSet<>(List.of(access.get("scope").asText().split(" "))));
        JsonNode id = AccessKeysApi.claims(reply.text("id_token"));
        assertEquals("alice", id.get("preferred_username").asText());
        assertNull(id.get("email"), id.toString());
        Reply userinfo = f.userinfo(reply.text("access_token"));
        assertEquals(200, userinfo.status(), userinfo.body());
        assertNull(userinfo.json().get("email"), userinfo.body());
        // after a refresh: still cut
        Reply refreshed = f.refresh(GrantClients.APP_PASSWORDS, reply.text("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.body());
        JsonNode again = AccessKeysApi.claims(refreshed.text("access_token"));
        assertNull(again.get("email"), again.toString());
        assertEquals(Set.of("reader"), texts(again.path("realm_access").get("roles")));
    }

    @Test
    void revokeEndsOnlineAndOfflineSessions() {
        Key key = key("revoke", Map.of());
        String online = login(key, null);
        String offline = login(key, "offline_access");
        assertEquals(200, f.admin("POST", "/" + key.id() + "/revoke", null).status());
        assertRefreshRefused(online);
        assertRefreshRefused(offline);
    }

    @Test
    void deleteEndsTheSessions() {
        Key key = key("delete", Map.of());
        String online = login(key, null);
        String offline = login(key, "offline_access");
        assertEquals(204, f.admin("DELETE", "/" + key.id(), null).status());
        assertRefreshRefused(online);
        assertRefreshRefused(offline);
    }

    @Test
    void disableEndsTheSessions() {
        Key key = key("disable", Map.of());
        String online = login(key, null);
        String offline = login(key, "offline_access");
        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("enabled", false)).status());
        assertRefreshRefused(online);
        assertRefreshRefused(offline);
    }

    @Test
    void rotateEndsTheSessionsOfTheOldSecret() {
        Key key = key("rotate", Map.of());
        String online = login(key, null);
        String offline = login(key, "offline_access");
        Reply rotated = f.admin("POST", "/" + key.id() + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        assertRefreshRefused(online);
        assertRefreshRefused(offline);
        // the new secret opens a new session
        login(new Key(key.id(), rotated.text("secret")), null);
    }

    @Test
    void aRotateWithOverlapEndsTheSessionsWhenTheOverlapEnds() throws InterruptedException {
        Key key = key("overlap", Map.of());
        String online = login(key, null);
        Thread.sleep(1100);
        Reply rotated = f.admin("POST", "/" + key.id() + "/rotate", Map.of("overlapSeconds", 3));
        assertEquals(200, rotated.status(), rotated.body());
        Reply during = f.refresh(GrantClients.APP_PASSWORDS, online);
        assertEquals(200, during.status(), "during the overlap the session goes on: " + during.body());
        Thread.sleep(Math.max(0, rotated.json().get("previousSecretExpiresAt").asLong() - System.currentTimeMillis()) + 300);
        assertRefreshRefused(during.text("refresh_token"));
    }

    @Test
    void expiryEndsTheSessions() throws InterruptedException {
        long expiresAt = System.currentTimeMillis() + 4000;
        Key key = key("expiry", Map.of("expiresAt", expiresAt));
        String online = login(key, null);
        String offline = login(key, "offline_access");
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 300);
        assertRefreshRefused(online);
        assertRefreshRefused(offline);
    }

    @Test
    void anAppPasswordOutsideItsKeysCidrsIsRefusedAndTheEventSaysWhy() {
        // the test calls Keycloak from 127.0.0.1 (loopback, IPv4)
        Key elsewhere = key("cidr-elsewhere", Map.of("allowedCidrs", List.of("10.0.0.0/8")));
        Key loopback = key("cidr-loopback", Map.of("allowedCidrs", List.of("127.0.0.0/8")));

        Reply refused = f.passwordLogin(GrantClients.APP_PASSWORDS, elsewhere.id(), elsewhere.secret(), null);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.text("error"), refused.body());
        assertEquals("Invalid access key or secret", refused.text("error_description"), "as for a wrong secret: " + refused.body());
        assertNull(refused.text("access_token"));
        String refresh = login(loopback, null);
        assertNotNull(refresh);

        List<EventRepresentation> events = f.realmAdmin().getEvents(List.of("LOGIN_ERROR"), GrantClients.APP_PASSWORDS, null, null, null, null, 0, 100);
        EventRepresentation event = events.stream()
                .filter(e -> e.getDetails() != null && elsewhere.id().equals(e.getDetails().get("access_key_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no LOGIN_ERROR event for the refused app password: " + events));
        assertEquals(alice(f), event.getUserId(), event.toString());
        assertEquals("127.0.0.1", event.getIpAddress(), event.toString());
        assertEquals("client address 127.0.0.1 is outside the key's allowedCidrs", event.getDetails().get("reason"),
                event.getDetails().toString());
        assertEquals(-1, event.getDetails().toString().indexOf(elsewhere.secret()), "never the secret in the event");
    }
}
