package dev.accesskeys.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.TestUsers;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the admin console's Access keys page relies on: the owner's username in every key, {@code GET /count} with the
 * list's filters, server-side search (also by the owner's exact username) and paging over 1 000 keys, and
 * {@code POST /revoke} for listed keys or all keys of one user, one admin event per revoked key.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBulkRestIT {

    private static final String PASSWORD = "Secret-pass-1";
    private static final String ADMIN = "/admin/realms/bulk/access-keys";
    private static final String TOKEN = "/realms/bulk/protocol/openid-connect/token";
    private static final String GRANT = "urn:access-keys:grant-type:access-key";
    /** 1 000 keys: 10 owners bulk-owner-0 .. 9 with 100 keys each, named "inc-0000" .. "inc-0999". */
    private static final int OWNERS = 10;
    private static final int PER_OWNER = 100;
    private static final Map<String, String> USER_IDS = new ConcurrentHashMap<>();
    /** key name -> {id, secret} of the 1 000 keys. */
    private static final Map<String, String[]> BULK = new ConcurrentHashMap<>();

    @InjectRealm(config = AdminBulkRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private Http http() {
        return new Http(urls.getBase());
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    private String user(String username, String... realmManagementRoles) {
        return USER_IDS.computeIfAbsent(username, name -> {
            String id = TestUsers.create(realm.admin(), name, PASSWORD);
            TestUsers.grantRealmManagementRoles(realm.admin(), id, realmManagementRoles);
            return id;
        });
    }

    private Reply createFor(String userId, String name) {
        return http().json("POST", ADMIN, adminToken(), Map.of("userId", userId, "name", name));
    }

    private long count(String query) {
        Reply reply = http().get(ADMIN + "/count" + query, adminToken());
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.json().isIntegralNumber(), "a number: " + reply.body());
        return reply.json().asLong();
    }

    private List<JsonNode> list(String query) {
        Reply reply = http().get(ADMIN + query, adminToken());
        assertEquals(200, reply.status(), reply.toString());
        List<JsonNode> keys = new ArrayList<>();
        reply.json().forEach(keys::add);
        return keys;
    }

    private Reply exchange(String id, String secret) {
        return http().form(TOKEN, Map.of("grant_type", GRANT, "client_id", "cli", "key_id", id, "key_secret", secret));
    }

    private static void assertError(Reply reply, int status, String word) {
        assertEquals(status, reply.status(), reply.toString());
        assertNotNull(reply.text("error"), reply.body());
        String description = reply.text("error_description");
        assertNotNull(description, reply.body());
        assertTrue(description.contains(word), "description names '" + word + "': " + description);
    }

    @Test
    @Order(1)
    void thousandKeysAreCreatedInParallel() throws Exception {
        assertEquals(200, http().json("PUT", ADMIN + "/policy", adminToken(), Map.of("maxKeysPerUser", 200)).status());
        for (int o = 0; o < OWNERS; o++) {
            user("bulk-owner-" + o);
        }
        ExecutorService pool = Executors.newFixedThreadPool(OWNERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int o = 0; o < OWNERS; o++) {
                int owner = o;
                // one thread per owner: keys of one owner are created one after the other (the owner lock)
                done.add(pool.submit(() -> {
                    String userId = USER_IDS.get("bulk-owner-" + owner);
                    for (int k = 0; k < PER_OWNER; k++) {
                        String name = String.format("inc-%04d", owner * PER_OWNER + k);
                        Reply created = createFor(userId, name);
                        assertEquals(201, created.status(), created.toString());
                        BULK.put(name, new String[] {created.text("id"), created.text("secret")});
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(OWNERS * PER_OWNER, BULK.size());
        assertEquals(OWNERS * PER_OWNER, count(""));
    }

    @Test
    @Order(2)
    void pagesOfTheListAreDistinctNewestFirstAndAddUpToTheCount() {
        String query = "?search=inc-";
        assertEquals(1000, count(query));
        Set<String> seen = new HashSet<>();
        long previousCreated = Long.MAX_VALUE;
        for (int first = 0; first < 1000; first += 100) {
            List<JsonNode> page = list(query + "&first=" + first + "&max=100");
            assertEquals(100, page.size(), "page at " + first);
            for (JsonNode key : page) {
                assertTrue(seen.add(key.get("id").asText()), "a key on two pages: " + key);
                long created = key.get("createdAt").asLong();
                assertTrue(created <= previousCreated, "newest first");
                previousCreated = created;
                assertTrue(key.get("username").asText().startsWith("bulk-owner-"), key.toString());
                assertFalse(key.has("secret"), "no secret in a list: " + key);
            }
        }
        assertEquals(1000, seen.size());
        assertTrue(list(query + "&first=1000&max=100").isEmpty(), "nothing after the last page");
    }

    @Test
    @Order(3)
    void searchIsAnsweredByTheServer() {
        // by the start of the name: inc-05 is inc-0500 .. inc-0599
        List<JsonNode> byName = list("?search=inc-05&max=1000");
        assertEquals(100, byName.size());
        byName.forEach(key -> assertTrue(key.get("name").asText().startsWith("inc-05"), key.toString()));
        assertEquals(100, count("?search=inc-05"));
        assertEquals(0, count("?search=-05"), "the name matches from its start only");

        // by the owner's username (exact, any case): bulk-owner-3 owns inc-0300 .. inc-0399
        List<JsonNode> byOwner = list("?search=BULK-OWNER-3&max=1000");
        assertEquals(100, byOwner.size());
        byOwner.forEach(key -> {
            assertEquals("bulk-owner-3", key.get("username").asText());
            assertEquals(USER_IDS.get("bulk-owner-3"), key.get("userId").asText());
        });
        assertEquals(100, count("?search=bulk-owner-3"));
        assertEquals(0, count("?search=owner-3"), "the username matches exactly");

        // by key ID, exact
        String[] one = BULK.get("inc-0777");
        List<JsonNode> byId = list("?search=" + one[0]);
        assertEquals(1, byId.size());
        assertEquals("inc-0777", byId.get(0).get("name").asText());
        assertEquals("bulk-owner-7", byId.get(0).get("username").asText());

        // with a user filter the search is on name and key ID only
        assertEquals(100, count("?userId=" + USER_IDS.get("bulk-owner-3")));
        assertEquals(0, count("?userId=" + USER_IDS.get("bulk-owner-3") + "&search=bulk-owner"));
        assertEquals(10, count("?userId=" + USER_IDS.get("bulk-owner-3") + "&search=inc-031"));

        // status filter and bad filters
        assertEquals(1000, count("?status=active"));
        assertEquals(0, count("?status=revoked"));
        assertError(http().get(ADMIN + "/count?status=gone", adminToken()), 400, "status");
    }

    @Test
    @Order(4)
    void oneKeyShowsItsOwnersUsername() {
        String[] key = BULK.get("inc-0042");
        Reply reply = http().get(ADMIN + "/" + key[0], adminToken());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("bulk-owner-0", reply.text("username"));
    }

    @Test
    @Order(5)
    void listedKeysAreRevokedWithOneAdminEventEach() {
        String[] a = BULK.get("inc-0100");
        String[] b = BULK.get("inc-0201");
        String[] c = BULK.get("inc-0302");
        assertEquals(200, exchange(a[0], a[1]).status(), "the key works before");

        Reply reply = http().json("POST", ADMIN + "/revoke", adminToken(), Map.of("ids", List.of(a[0], b[0], c[0])));
        assertEquals(200, reply.status(), reply.toString());
        List<String> revoked = new ArrayList<>();
        reply.json().get("revoked").forEach(id -> revoked.add(id.asText()));
        assertEquals(List.of(a[0], b[0], c[0]), revoked);

        Reply refused = exchange(a[0], a[1]);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid_grant", refused.text("error"));
        assertEquals(3, count("?status=revoked"));

        for (String[] key : List.of(a, b, c)) {
            List<AdminEventRepresentation> events = realm.admin().getAdminEvents(null, null, null, null, null,
                    "access-keys/" + key[0], null, null, null, 0, 100);
            List<AdminEventRepresentation> revokes = events.stream()
                    .filter(e -> String.valueOf(e.getRepresentation()).contains("\"revoked\"")).toList();
            assertEquals(1, revokes.size(), "one revoke event for " + key[0] + ": " + events.size() + " events");
            assertEquals("UPDATE", revokes.get(0).getOperationType());
            assertFalse(String.valueOf(revokes.get(0).getRepresentation()).contains("aks_"), "no secret in the event");
        }

        // revoking again changes nothing and says so
        Reply again = http().json("POST", ADMIN + "/revoke", adminToken(), Map.of("ids", List.of(a[0])));
        assertEquals(200, again.status(), again.toString());
        assertEquals(0, again.json().get("revoked").size());
    }

    @Test
    @Order(6)
    void allKeysOfOneUserAreRevoked() {
        String owner = USER_IDS.get("bulk-owner-9");
        Reply reply = http().json("POST", ADMIN + "/revoke", adminToken(), Map.of("userId", owner));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(PER_OWNER, reply.json().get("revoked").size());
        assertEquals(PER_OWNER, count("?userId=" + owner + "&status=revoked"));
        assertEquals(0, count("?userId=" + owner + "&status=active"));
        String[] key = BULK.get("inc-0950");
        assertEquals("invalid_grant", exchange(key[0], key[1]).text("error"));
        String[] other = BULK.get("inc-0850");
        assertEquals(200, exchange(other[0], other[1]).status(), "another user's key still works");
    }

    @Test
    @Order(7)
    void aBadBulkRevokeChangesNothing() {
        String[] kept = BULK.get("inc-0401");
        Map<String, Object> withUnknown = new LinkedHashMap<>();
        withUnknown.put("ids", List.of(kept[0], "ak_doesNotExist"));
        assertError(http().json("POST", ADMIN + "/revoke", adminToken(), withUnknown), 404, "ak_doesNotExist");
        assertEquals(200, exchange(kept[0], kept[1]).status(), "the known key of a refused request still works");

        assertError(http().json("POST", ADMIN + "/revoke", adminToken(), Map.of()), 400, "ids");
        assertError(http().json("POST", ADMIN + "/revoke", adminToken(),
                Map.of("ids", List.of(kept[0]), "userId", USER_IDS.get("bulk-owner-4"))), 400, "userId");
        assertError(http().json("POST", ADMIN + "/revoke", adminToken(), Map.of("ids", List.of())), 400, "ids");
        assertError(http().json("POST", ADMIN + "/revoke", adminToken(), Map.of("ids", "x")), 400, "ids");
        assertError(http().json("POST", ADMIN + "/revoke", adminToken(), Map.of("keys", List.of(kept[0]))), 400, "keys");
        // without a token Keycloak's admin root refuses before the extension is reached
        assertEquals(401, http().json("POST", ADMIN + "/revoke", null, Map.of("ids", List.of(kept[0]))).status());
        assertEquals(200, exchange(kept[0], kept[1]).status(), "no bad request revoked anything");
    }

    @Test
    @Order(8)
    void viewUsersMayCountButNotRevoke() {
        user("auditor", "view-users");
        String auditor = http().passwordToken("bulk", "auditor", PASSWORD);
        Reply counted = http().get(ADMIN + "/count", auditor);
        assertEquals(200, counted.status(), counted.toString());
        assertEquals(1000, counted.json().asLong());
        String[] key = BULK.get("inc-0402");
        assertError(http().json("POST", ADMIN + "/revoke", auditor, Map.of("ids", List.of(key[0]))), 403, "role");
        assertError(http().json("POST", ADMIN + "/revoke", auditor, Map.of("userId", USER_IDS.get("bulk-owner-4"))), 403, "role");
        assertEquals(200, exchange(key[0], key[1]).status());
    }
}
