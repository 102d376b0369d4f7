package dev.accesskeys.rest;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.TestUsers;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the account page's list and form rely on: {@code /count} for true paging, {@code sort}/{@code order} on both
 * list endpoints, and {@code /options} saying which scopes and roles are Keycloak's internal ones.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class ListingRestIT {

    private static final String PASSWORD = "Secret-pass-1";
    private static final String SELF = "/realms/rest/" + AccessKeys.REST_PROVIDER_ID;
    private static final String ADMIN = "/admin/realms/rest/" + AccessKeys.REST_PROVIDER_ID;

    @InjectRealm(config = RestRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void countSortAndInternalChoices() {
        Http http = new Http(urls.getBase());
        String adminToken = admin.tokenManager().getAccessTokenString();
        assertEquals(200, http.json("PUT", ADMIN + "/policy", adminToken, Map.of("maxKeysPerUser", 30)).status());
        String userId = TestUsers.create(realm.admin(), "lister", PASSWORD);
        String token = http.passwordToken("rest", "lister", PASSWORD);
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            Map<String, Object> body = i % 5 == 0
                    ? Map.of("name", String.format("Key %02d", i), "expiresAt", now + i * 86_400_000L)
                    : Map.of("name", String.format("key %02d", i));
            Reply created = http.json("POST", SELF, token, body);
            assertEquals(201, created.status(), created.toString());
            ids.add(created.text("id"));
        }
        http.json("POST", SELF + "/" + ids.get(0) + "/revoke", token, null);

        // /count: a JSON number, with the list's filters.
        assertEquals("25", http.get(SELF + "/count", token).body());
        assertEquals("24", http.get(SELF + "/count?status=active", token).body());
        assertEquals("1", http.get(SELF + "/count?status=revoked", token).body());
        assertEquals("10", http.get(SELF + "/count?search=key%201", token).body());
        assertEquals(400, http.get(SELF + "/count?status=gone", token).status());

        // sort/order: name case-insensitively, expiry with "never" last in both directions.
        assertEquals(List.of("key 01", "key 02", "key 03"), names(http.get(SELF + "?sort=name&order=asc&max=3", token)));
        assertEquals(List.of("Key 25", "key 24", "key 23"), names(http.get(SELF + "?sort=name&order=desc&max=3", token)));
        List<String> byExpiry = names(http.get(SELF + "?sort=expiresAt&order=asc&max=6", token));
        assertEquals(List.of("Key 05", "Key 10", "Key 15", "Key 20", "Key 25"), byExpiry.subList(0, 5));
        assertTrue(byExpiry.get(5).startsWith("key "), "never expiring after: " + byExpiry);
        assertEquals(List.of("Key 25", "Key 20"), names(http.get(SELF + "?sort=expiresAt&order=desc&max=2", token)));
        assertEquals(List.of("key 24", "key 23"), names(http.get(SELF + "?sort=createdAt&order=desc&first=1&max=2", token)));
        assertEquals(400, http.get(SELF + "?sort=secret", token).status());
        assertEquals(400, http.get(SELF + "?sort=name&order=up", token).status());
        assertEquals(List.of("key 01", "key 02"),
                names(http.get(ADMIN + "?userId=" + userId + "&sort=name&order=asc&max=2", adminToken)), "admin list sorts too");

        // /options: plain names and which choices are Keycloak's own.
        JsonNode options = http.get(SELF + "/options", token).json();
        JsonNode profile = find(options.get("scopes"), "name", "profile");
        assertEquals("User profile", profile.get("displayName").asText());
        assertFalse(profile.get("internal").asBoolean());
        for (String internal : List.of("acr", "basic", "web-origins", "offline_access")) {
            assertTrue(find(options.get("scopes"), "name", internal).get("internal").asBoolean(), internal);
        }
        assertTrue(find(options.get("roles"), "name", "default-roles-rest").get("internal").asBoolean());
        assertTrue(find(options.get("roles"), "name", "uma_authorization").get("internal").asBoolean());
        assertTrue(find(options.get("roles"), "name", "account/manage-account").get("internal").asBoolean());
        assertFalse(find(options.get("clients"), "clientId", "cli").get("appPasswords").asBoolean());
        assertEquals(200, http.json("PUT", ADMIN + "/policy", adminToken, Map.of()).status());
    }

    private static List<String> names(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        List<String> names = new ArrayList<>();
        reply.json().forEach(k -> names.add(k.get("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + value + " in " + list);
    }
}
