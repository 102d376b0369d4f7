package dev.accesskeys.rest;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.AccessKeysApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * The self-service and admin REST APIs against a real Keycloak with the JAR: every endpoint, the policy rules, the
 * error shape and no secret in the server log. The permission matrix, races and clean-up on user and realm removal
 * are in {@code dev.accesskeys.security}.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class AccessKeysRestIT {

    private static final String PASSWORD = AccessKeysApi.PASSWORD;
    private static final String SELF = "/realms/rest/" + AccessKeys.REST_PROVIDER_ID;
    private static final String ADMIN = "/admin/realms/rest/" + AccessKeys.REST_PROVIDER_ID;
    /**
     * Every secret the tests were given: only collected, for the server-log scan after all tests ({@link
     * #noSecretOrHashInTheServerLog}); no test reads what another left here.
     */
    private static final List<String> ISSUED_SECRETS = Collections.synchronizedList(new ArrayList<>());

    @InjectRealm(config = RestRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private Http http() {
        return new Http(urls.getBase());
    }

    /** The user, created on first use in this class's realm (through the admin API, so it gets the default roles). */
    private String user(String username, String... realmManagementRoles) {
        return new AccessKeysApi(urls.getBase(), admin, realm.getName()).user(username, realmManagementRoles);
    }

    private String token(String username, String... realmManagementRoles) {
        user(username, realmManagementRoles);
        return http().passwordToken("rest", username, PASSWORD);
    }

    private Reply create(String token, Map<String, ?> body) {
        Reply reply = http().json("POST", SELF, token, body);
        if (reply.status() == 201) {
            ISSUED_SECRETS.add(reply.text("secret"));
        }
        return reply;
    }

    private void policy(Map<String, ?> policy) {
        Reply reply = http().json("PUT", ADMIN + "/policy", admin.tokenManager().getAccessTokenString(), policy);
        assertEquals(200, reply.status(), reply.toString());
    }

    private static void assertError(Reply reply, int status, String fieldOrWord) {
        assertEquals(status, reply.status(), reply.toString());
        assertNotNull(reply.json(), "JSON error body: " + reply.body());
        assertNotNull(reply.text("error"), reply.body());
        String description = reply.text("error_description");
        assertNotNull(description, reply.body());
        if (fieldOrWord != null) {
            assertTrue(description.contains(fieldOrWord), "description names '" + fieldOrWord + "': " + description);
        }
    }

    @Test
    void userManagesTheWholeLifeCycleOfAKey() {
        policy(Map.of());
        String alice = token("alice");
        Reply created = create(alice, Map.of("name", "ci deploy", "description", "used by CI",
                "scopes", List.of("profile"), "clients", List.of("cli")));
        assertEquals(201, created.status(), created.toString());
        String id = created.text("id");
        assertTrue(id.matches("ak_[0-9A-Za-z]{22}"), id);
        String secret = created.text("secret");
        assertTrue(secret.matches("aks_[0-9A-Za-z]{49}"), secret);
        assertTrue(created.location().endsWith(SELF + "/" + id), created.location());
        assertEquals("active", created.text("status"));
        assertEquals(user("alice"), created.text("userId"));
        assertEquals(user("alice"), created.text("createdBy"));
        assertEquals("[\"profile\"]", created.json().get("scopes").toString());
        assertTrue(created.json().get("roles").isNull(), "roles null = no extra limit");
        assertTrue(created.json().has("expiresAt") && created.json().get("expiresAt").isNull());

        Reply one = http().get(SELF + "/" + id, alice);
        assertEquals(200, one.status());
        assertFalse(one.json().has("secret"), "GET never shows the secret");
        assertFalse(one.body().contains(secret));

        Reply list = http().get(SELF, alice);
        assertEquals(200, list.status());
        assertTrue(list.json().isArray());
        assertTrue(containsId(list.json(), id));
        assertFalse(list.body().contains(secret));

        long expiry = System.currentTimeMillis() + 86_400_000L;
        Reply patched = http().json("PATCH", SELF + "/" + id, alice,
                Map.of("name", "ci deploy 2", "expiresAt", expiry, "scopes", List.of("profile", "email")));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("ci deploy 2", patched.text("name"));
        assertEquals(expiry, patched.json().get("expiresAt").asLong());
        assertEquals("used by CI", patched.text("description"), "fields not named stay as they were");

        Reply disabled = http().json("PATCH", SELF + "/" + id, alice, Map.of("enabled", false));
        assertEquals("disabled", disabled.text("status"));
        assertTrue(containsId(http().get(SELF + "?status=disabled", alice).json(), id));
        assertFalse(containsId(http().get(SELF + "?status=active", alice).json(), id));
        Reply enabled = http().json("PATCH", SELF + "/" + id, alice, Map.of("enabled", true));
        assertEquals("active", enabled.text("status"));

        Reply rotated = http().call("POST", SELF + "/" + id + "/rotate", alice, null, null);
        assertEquals(200, rotated.status(), rotated.toString());
        assertEquals(id, rotated.text("id"));
        String newSecret = rotated.text("secret");
        ISSUED_SECRETS.add(newSecret);
        assertNotEquals(secret, newSecret);

        Reply revoked = http().call("POST", SELF + "/" + id + "/revoke", alice, null, null);
        assertEquals(200, revoked.status());
        assertEquals("revoked", revoked.text("status"));
        assertNotNull(revoked.json().get("revokedAt").numberValue());
        assertError(http().json("PATCH", SELF + "/" + id, alice, Map.of("enabled", true)), 409, "revoked");
        assertError(http().call("POST", SELF + "/" + id + "/rotate", alice, null, null), 409, "revoked");
        assertTrue(containsId(http().get(SELF + "?status=revoked", alice).json(), id), "a revoked key stays listed");

        Reply deleted = http().call("DELETE", SELF + "/" + id, alice, null, null);
        assertEquals(204, deleted.status());
        assertError(http().get(SELF + "/" + id, alice), 404, null);

        List<EventRepresentation> events = realm.admin().getEvents(List.of("UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL"),
                null, user("alice"), null, null, null, 0, 100);
        List<String> actions = events.stream().filter(e -> id.equals(e.getDetails().get(AccessKeys.ACCESS_KEY_ID_CLAIM)))
                .map(e -> e.getDetails().get(AccessKeys.ACTION_DETAIL)).toList();
        assertTrue(actions.containsAll(List.of("create", "rotate", "revoke", "delete")), actions.toString());
        events.forEach(e -> assertFalse(e.getDetails().toString().contains(secret)));
    }

    @Test
    void optionsListScopesClientsRolesAndThePolicy() {
        Reply options = http().get(SELF + "/options", token("alice"));
        assertEquals(200, options.status(), options.toString());
        assertTrue(options.body().contains("\"name\":\"profile\""), options.body());
        assertTrue(options.body().contains("\"clientId\":\"cli\""), options.body());
        assertTrue(options.json().get("roles").toString().contains("account/manage-account"), options.body());
        assertEquals(10, options.json().get("policy").get("maxKeysPerUser").asInt());
    }

    @Test
    void anotherUsersKeyIsNotFound() {
        Reply created = create(token("alice"), Map.of("name", "alice private"));
        String id = created.text("id");
        String bob = token("bob");
        assertError(http().get(SELF + "/" + id, bob), 404, null);
        assertError(http().json("PATCH", SELF + "/" + id, bob, Map.of("enabled", false)), 404, null);
        assertError(http().call("POST", SELF + "/" + id + "/revoke", bob, null, null), 404, null);
        assertError(http().call("POST", SELF + "/" + id + "/rotate", bob, null, null), 404, null);
        assertError(http().call("DELETE", SELF + "/" + id, bob, null, null), 404, null);
        assertFalse(containsId(http().get(SELF, bob).json(), id));
        assertEquals("active", http().get(SELF + "/" + id, token("alice")).text("status"), "bob changed nothing");
    }

    @Test
    void badInputIsA400NamingTheField() {
        String alice = token("alice");
        Http http = http();
        assertError(http.call("POST", SELF, alice, "application/json", "{\"name\": "), 400, "JSON");
        assertError(http.call("POST", SELF, alice, "application/json", "[1,2]"), 400, "object");
        assertError(http.call("POST", SELF, alice, "application/json", "{\"name\":\"a\",\"name\":\"b\"}"), 400, "JSON");
        // Keycloak's own 415 (the JSON methods declare @Consumes): JSON, without the extension's error_description
        Reply wrongType = http.call("POST", SELF, alice, "text/plain", "{\"name\":\"x\"}");
        assertEquals(415, wrongType.status(), wrongType.toString());
        assertNotNull(wrongType.text("error"), wrongType.body());
        assertError(create(alice, Map.of("name", 42)), 400, "name");
        assertError(create(alice, Map.of()), 400, "name");
        assertError(create(alice, Map.of("name", " ")), 400, "name");
        assertError(create(alice, Map.of("name", "x".repeat(101))), 400, "name");
        assertError(create(alice, Map.of("name", "bell\u0007")), 400, "name");
        assertError(create(alice, Map.of("name", "ok", "description", "d".repeat(1001))), 400, "description");
        assertError(create(alice, Map.of("name", "ok", "expiresAt", System.currentTimeMillis() - 1000)), 400, "expiresAt");
        assertError(create(alice, Map.of("name", "ok", "expiresAt", "tomorrow")), 400, "expiresAt");
        assertError(create(alice, Map.of("name", "ok", "expiresAt", 1.5)), 400, "expiresAt");
        assertError(create(alice, Map.of("name", "ok", "scopes", List.of("no-such-scope"))), 400, "scopes");
        assertError(create(alice, Map.of("name", "ok", "scopes", "profile")), 400, "scopes");
        assertError(create(alice, Map.of("name", "ok", "clients", List.of("no-such-client"))), 400, "clients");
        assertError(create(alice, Map.of("name", "ok", "roles", List.of("no-such-role"))), 400, "roles");
        assertError(create(alice, Map.of("name", "ok", "enabled", "yes")), 400, "enabled");
        assertError(create(alice, Map.of("name", "ok", "colour", "red")), 400, "colour");
        assertError(create(alice, Map.of("name", "ok", "status", "active")), 400, "status");
        assertError(create(alice, Map.of("name", "ok", "secret", "aks_mine")), 400, "secret");
        assertError(http.get(SELF + "?status=sleeping", alice), 400, "status");
        assertError(http.get(SELF + "?max=-1", alice), 400, "max");
        assertError(http.get(SELF + "?first=abc", alice), 400, "first");
        assertError(http.get(SELF + "/..%2F..%2Fadmin", alice), 404, null);
        assertError(http.get(SELF + "/%27%20OR%20%271%27%3D%271", alice), 404, null);

        Reply unicode = create(alice, Map.of("name", "clé 🔑 ключ"));
        assertEquals(201, unicode.status(), unicode.toString());
        assertEquals("clé 🔑 ключ", unicode.text("name"));
        Reply duplicate = create(alice, Map.of("name", "clé 🔑 ключ"));
        assertError(duplicate, 409, "name");
    }

    @Test
    void listingPagesAndFilters() {
        String carol = token("carol");
        for (int i = 0; i < 5; i++) {
            assertEquals(201, create(carol, Map.of("name", "page " + i)).status());
        }
        JsonNode firstPage = http().get(SELF + "?first=0&max=2", carol).json();
        JsonNode secondPage = http().get(SELF + "?first=2&max=2", carol).json();
        JsonNode lastPage = http().get(SELF + "?first=4&max=2", carol).json();
        assertEquals(2, firstPage.size());
        assertEquals(2, secondPage.size());
        assertEquals(1, lastPage.size());
        assertNotEquals(firstPage.get(0).get("id"), secondPage.get(0).get("id"));
    }

    @Test
    void realmPolicyIsEnforced() {
        String dave = token("dave");
        try {
            policy(Map.of("maxKeysPerUser", 2));
            assertEquals(201, create(dave, Map.of("name", "one")).status());
            Reply second = create(dave, Map.of("name", "two"));
            assertEquals(201, second.status());
            assertError(create(dave, Map.of("name", "three")), 400, "maxKeysPerUser");
            // a revoked key does not count
            http().call("POST", SELF + "/" + second.text("id") + "/revoke", dave, null, null);
            assertEquals(201, create(dave, Map.of("name", "three")).status());

            policy(Map.of("maxKeysPerUser", 50, "requireExpiration", true));
            assertError(create(dave, Map.of("name", "forever")), 400, "expiresAt");

            policy(Map.of("maxKeysPerUser", 50, "maxLifetimeDays", 30, "defaultLifetimeDays", 7));
            Reply defaulted = create(dave, Map.of("name", "default expiry"));
            long expected = System.currentTimeMillis() + 7L * 86_400_000L;
            assertTrue(Math.abs(defaulted.json().get("expiresAt").asLong() - expected) < 60_000, defaulted.toString());
            assertError(create(dave, Map.of("name", "too long", "expiresAt", System.currentTimeMillis() + 31L * 86_400_000L)), 400, "maxLifetimeDays");
            assertError(http().json("PATCH", SELF + "/" + defaulted.text("id"), dave, Collections.singletonMap("expiresAt", null)), 400, "expiresAt");

            policy(Map.of("maxKeysPerUser", 50, "deleteRequiresInactive", true));
            String id = defaulted.text("id");
            assertError(http().call("DELETE", SELF + "/" + id, dave, null, null), 409, "deleteRequiresInactive");
            http().json("PATCH", SELF + "/" + id, dave, Map.of("enabled", false));
            assertEquals(204, http().call("DELETE", SELF + "/" + id, dave, null, null).status());

            assertError(http().json("PUT", ADMIN + "/policy", admin.tokenManager().getAccessTokenString(),
                    Map.of("maxKeysPerUser", -1)), 400, "maxKeysPerUser");
            assertError(http().json("PUT", ADMIN + "/policy", admin.tokenManager().getAccessTokenString(),
                    Map.of("maxLifetimeDays", 5, "defaultLifetimeDays", 9)), 400, "defaultLifetimeDays");
            assertError(http().json("PUT", ADMIN + "/policy", admin.tokenManager().getAccessTokenString(),
                    Map.of("maxKeysPerUse", 5)), 400, "maxKeysPerUse");
        } finally {
            policy(Map.of());
        }
    }

    @Test
    void adminManagesAnyUsersKeysAndThePolicy() {
        String adminToken = admin.tokenManager().getAccessTokenString();
        String bobId = user("bob");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", bobId);
        body.put("name", "made by admin");
        Reply created = http().json("POST", ADMIN, adminToken, body);
        assertEquals(201, created.status(), created.toString());
        ISSUED_SECRETS.add(created.text("secret"));
        String id = created.text("id");
        assertEquals(bobId, created.text("userId"));
        assertNotEquals(bobId, created.text("createdBy"));
        assertTrue(created.location().endsWith(ADMIN + "/" + id));

        assertTrue(containsId(http().get(SELF, token("bob")).json(), id), "bob sees the key made for him");
        assertTrue(containsId(http().get(ADMIN + "?userId=" + bobId, adminToken).json(), id));
        assertTrue(containsId(http().get(ADMIN + "?search=MADE+BY", adminToken).json(), id));
        assertFalse(containsId(http().get(ADMIN + "?status=revoked", adminToken).json(), id));
        assertEquals(200, http().get(ADMIN + "/" + id, adminToken).status());
        assertEquals("disabled", http().json("PATCH", ADMIN + "/" + id, adminToken, Map.of("enabled", false)).text("status"));
        Reply rotated = http().call("POST", ADMIN + "/" + id + "/rotate", adminToken, null, null);
        ISSUED_SECRETS.add(rotated.text("secret"));
        assertNotNull(rotated.text("secret"));
        assertEquals("revoked", http().call("POST", ADMIN + "/" + id + "/revoke", adminToken, null, null).text("status"));
        assertEquals(204, http().call("DELETE", ADMIN + "/" + id, adminToken, null, null).status());
        assertError(http().get(ADMIN + "/" + id, adminToken), 404, null);

        assertError(http().json("POST", ADMIN, adminToken, Map.of("name", "nobody's")), 400, "userId");
        assertError(http().json("POST", ADMIN, adminToken, Map.of("name", "x", "userId", "no-such-user")), 400, "userId");

        Reply policy = http().get(ADMIN + "/policy", adminToken);
        assertEquals(200, policy.status());
        for (String field : List.of("maxKeysPerUser", "maxLifetimeDays", "requireExpiration", "defaultLifetimeDays",
                "deleteRequiresInactive", "accessTokenLifespanSeconds")) {
            assertTrue(policy.json().has(field), field + " in " + policy.body());
        }

        List<AdminEventRepresentation> events = realm.admin().getAdminEvents(null, null, null, null, null,
                AccessKeys.REST_PROVIDER_ID + "/" + id, null, null, null, 0, 100);
        List<String> operations = events.stream().map(AdminEventRepresentation::getOperationType).toList();
        assertTrue(operations.containsAll(List.of("CREATE", "UPDATE", "DELETE")), operations.toString());
        for (AdminEventRepresentation event : events) {
            assertEquals("ACCESS_KEY", event.getResourceType());
            String representation = String.valueOf(event.getRepresentation());
            assertFalse(representation.contains("aks_"), "no secret in admin events: " + representation);
            assertFalse(representation.contains("ecretHash"), representation);
        }
    }

    @AfterAll
    static void noSecretOrHashInTheServerLog() throws Exception {
        assertFalse(ISSUED_SECRETS.isEmpty());
        String log = Files.readString(AccessKeysServerConfig.SERVER_LOG);
        assertTrue(log.contains("Keycloak"), "the server log is being written: " + AccessKeysServerConfig.SERVER_LOG);
        for (String secret : ISSUED_SECRETS) {
            assertFalse(log.contains(secret), "a secret is in the server log");
            assertFalse(log.contains(dev.accesskeys.service.SecretHasher.hash(secret)), "a secret's hash is in the server log");
        }
    }

    private static boolean containsId(JsonNode list, String id) {
        for (JsonNode key : list) {
            if (id.equals(key.get("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
