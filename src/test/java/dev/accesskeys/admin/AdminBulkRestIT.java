package dev.accesskeys.admin;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the admin console's Access keys page relies on: the owner's username in every key, {@code GET /count} with the
 * list's filters, server-side search (also by the owner's exact username) and paging over 1 000 keys, and
 * {@code POST /revoke} for listed keys or all keys of one user, one admin event per revoked key.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class AdminBulkRestIT {

    private static final String PASSWORD = AccessKeysApi.PASSWORD;
    private static final String ADMIN = "/admin/realms/bulk/" + AccessKeys.REST_PROVIDER_ID;
    /** 1 000 keys: 10 owners bulk-owner-0 .. 9 with 100 keys each, named "inc-0000" .. "inc-0999". */
    private static final int OWNERS = 10;
    private static final int PER_OWNER = 100;

    /** The realm of the 1 000 keys: only read by the tests (made by the first test that needs them). */
    @InjectRealm(config = AdminBulkRealmConfig.class)
    ManagedRealm realm;

    /** A fresh realm for each test that revokes: what one revokes, no other test sees. */
    @InjectRealm(ref = "revoke", config = AdminBulkRealmConfig.RevokeRealm.class, lifecycle = LifeCycle.METHOD)
    ManagedRealm revokeRealm;

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

    private AccessKeysApi bulk() {
        return new AccessKeysApi(urls.getBase(), admin, realm.getName());
    }

    /** The realm of this test alone, for tests that revoke. */
    private AccessKeysApi fresh() {
        return new AccessKeysApi(urls.getBase(), admin, revokeRealm.getName());
    }

    private String user(String username, String... realmManagementRoles) {
        return bulk().user(username, realmManagementRoles);
    }

    private long count(String query) {
        return count(bulk(), query);
    }

    private static long count(AccessKeysApi api, String query) {
        Reply reply = api.admin("GET", "/count" + query, null);
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

    /** The grant at the public client {@code cli} of the realm. */
    private static Reply exchange(AccessKeysApi api, Key key) {
        return api.exchange("cli", null, key.id(), key.secret());
    }

    private static void assertError(Reply reply, int status, String word) {
        assertEquals(status, reply.status(), reply.toString());
        assertNotNull(reply.text("error"), reply.body());
        String description = reply.text("error_description");
        assertNotNull(description, reply.body());
        assertTrue(description.contains(word), "description names '" + word + "': " + description);
    }

    /**
     * The 1 000 keys of the bulk realm, made in parallel by the first test that asks (the realm then has no key);
     * returns key name to key ID, as the server lists them.
     */
    private synchronized Map<String, String> thousandKeys() throws Exception {
        if (count("") == 0) {
            assertEquals(200, http().json("PUT", ADMIN + "/policy", adminToken(), Map.of("maxKeysPerUser", 200)).status());
            List<String> owners = new ArrayList<>();
            for (int o = 0; o < OWNERS; o++) {
                owners.add(user("bulk-owner-" + o));
            }
            ExecutorService pool = Executors.newFixedThreadPool(OWNERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int o = 0; o < OWNERS; o++) {
                    int owner = o;
                    // one thread per owner: keys of one owner are created one after the other (the owner lock)
                    done.add(pool.submit(() -> {
                        for (int k = 0; k < PER_OWNER; k++) {
                            String name = String.format("inc-%04d", owner * PER_OWNER + k);
                            Reply created = http().json("POST", ADMIN, adminToken(), Map.of("userId", owners.get(owner), "name", name));
                            assertEquals(201, created.status(), created.toString());
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Map<String, String> ids = new HashMap<>();
        list("?search=inc-&max=1000").forEach(key -> ids.put(key.get("name").asText(), key.get("id").asText()));
        return ids;
    }

    @Test
    void thousandKeysAreCreatedInParallel() throws Exception {
        assertEquals(OWNERS * PER_OWNER, thousandKeys().size());
        assertEquals(OWNERS * PER_OWNER, count(""));
    }

    @Test
    void pagesOfTheListAreDistinctNewestFirstAndAddUpToTheCount() throws Exception {
        thousandKeys();
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
    void searchIsAnsweredByTheServer() throws Exception {
        Map<String, String> bulk = thousandKeys();
        String owner3 = user("bulk-owner-3");
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
            assertEquals(owner3, key.get("userId").asText());
        });
        assertEquals(100, count("?search=bulk-owner-3"));
        assertEquals(0, count("?search=owner-3"), "the username matches exactly");

        // by key ID, exact
        List<JsonNode> byId = list("?search=" + bulk.get("inc-0777"));
        assertEquals(1, byId.size());
        assertEquals("inc-0777", byId.get(0).get("name").asText());
        assertEquals("bulk-owner-7", byId.get(0).get("username").asText());

        // with a user filter the search is on name and key ID only
        assertEquals(100, count("?userId=" + owner3));
        assertEquals(0, count("?userId=" + owner3 + "&search=bulk-owner"));
        assertEquals(10, count("?userId=" + owner3 + "&search=inc-031"));

        // status filter and bad filters
        assertEquals(1000, count("?status=active"));
        assertEquals(0, count("?status=revoked"));
        assertError(http().get(ADMIN + "/count?status=gone", adminToken()), 400, "status");
    }

    @Test
    void oneKeyShowsItsOwnersUsername() throws Exception {
        String id = thousandKeys().get("inc-0042");
        Reply reply = http().get(ADMIN + "/" + id, adminToken());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("bulk-owner-0", reply.text("username"));
    }

    @Test
    void listedKeysAreRevokedWithOneAdminEventEach() {
        AccessKeysApi api = fresh();
        Key a = api.createKey(api.user("owner-1"), "inc-0100", Map.of());
        Key b = api.createKey(api.user("owner-2"), "inc-0201", Map.of());
        Key c = api.createKey(api.user("owner-3"), "inc-0302", Map.of());
        assertEquals(200, exchange(api, a).status(), "the key works before");

        Reply reply = api.admin("POST", "/revoke", Map.of("ids", List.of(a.id(), b.id(), c.id())));
        assertEquals(200, reply.status(), reply.toString());
        List<String> revoked = new ArrayList<>();
        reply.json().get("revoked").forEach(id -> revoked.add(id.asText()));
        assertEquals(List.of(a.id(), b.id(), c.id()), revoked);

        Reply refused = exchange(api, a);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid_grant", refused.text("error"));
        assertEquals(3, count(api, "?status=revoked"));

        for (Key key : List.of(a, b, c)) {
            List<AdminEventRepresentation> events = revokeRealm.admin().getAdminEvents(null, null, null, null, null,
                    AccessKeys.REST_PROVIDER_ID + "/" + key.id(), null, null, null, 0, 100);
            List<AdminEventRepresentation> revokes = events.stream()
                    .filter(e -> String.valueOf(e.getRepresentation()).contains("\"revoked\"")).toList();
            assertEquals(1, revokes.size(), "one revoke event for " + key.id() + ": " + events.size() + " events");
            assertEquals("UPDATE", revokes.get(0).getOperationType());
            assertFalse(String.valueOf(revokes.get(0).getRepresentation()).contains("aks_"), "no secret in the event");
        }

        // revoking again changes nothing and says so
        Reply again = api.admin("POST", "/revoke", Map.of("ids", List.of(a.id())));
        assertEquals(200, again.status(), again.toString());
        assertEquals(0, again.json().get("revoked").size());
    }

    @Test
    void allKeysOfOneUserAreRevoked() {
        AccessKeysApi api = fresh();
        api.policy(Map.of("maxKeysPerUser", 200));
        String owner = api.user("owner-9");
        List<Key> keys = new ArrayList<>();
        for (int k = 0; k < PER_OWNER; k++) {
            keys.add(api.createKey(owner, String.format("inc-%04d", 900 + k), Map.of()));
        }
        Key other = api.createKey(api.user("owner-8"), "inc-0850", Map.of());
        Reply reply = api.admin("POST", "/revoke", Map.of("userId", owner));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(PER_OWNER, reply.json().get("revoked").size());
        assertEquals(PER_OWNER, count(api, "?userId=" + owner + "&status=revoked"));
        assertEquals(0, count(api, "?userId=" + owner + "&status=active"));
        assertEquals("invalid_grant", exchange(api, keys.get(50)).text("error"));
        assertEquals(200, exchange(api, other).status(), "another user's key still works");
    }

    @Test
    void aBadBulkRevokeChangesNothing() {
        AccessKeysApi api = fresh();
        Key kept = api.createKey(api.user("owner-4"), "inc-0401", Map.of());
        String owner4 = api.user("owner-4");
        Map<String, Object> withUnknown = new LinkedHashMap<>();
        withUnknown.put("ids", List.of(kept.id(), "ak_doesNotExist"));
        assertError(api.admin("POST", "/revoke", withUnknown), 404, "ak_doesNotExist");
        assertEquals(200, exchange(api, kept).status(), "the known key of a refused request still works");

        assertError(api.admin("POST", "/revoke", Map.of()), 400, "ids");
        assertError(api.admin("POST", "/revoke", Map.of("ids", List.of(kept.id()), "userId", owner4)), 400, "userId");
        assertError(api.admin("POST", "/revoke", Map.of("ids", List.of())), 400, "ids");
        assertError(api.admin("POST", "/revoke", Map.of("ids", "x")), 400, "ids");
        assertError(api.admin("POST", "/revoke", Map.of("keys", List.of(kept.id()))), 400, "keys");
        // without a token Keycloak's admin root refuses before the extension is reached
        assertEquals(401, api.http().json("POST", api.adminPath() + "/revoke", null, Map.of("ids", List.of(kept.id()))).status());
        assertEquals(200, exchange(api, kept).status(), "no bad request revoked anything");
    }

    @Test
    void viewUsersMayCountButNotRevoke() throws Exception {
        thousandKeys();
        user("auditor", "view-users");
        String auditor = http().passwordToken("bulk", "auditor", PASSWORD);
        Reply counted = http().get(ADMIN + "/count", auditor);
        assertEquals(200, counted.status(), counted.toString());
        assertEquals(1000, counted.json().asLong());

        // the refused revokes, in a realm of this test's own (the bulk realm's keys have no known secret)
        AccessKeysApi api = fresh();
        String owner4 = api.user("owner-4");
        Key key = api.createKey(owner4, "inc-0402", Map.of());
        api.user("auditor", "view-users");
        String freshAuditor = api.token("auditor");
        assertError(api.http().json("POST", api.adminPath() + "/revoke", freshAuditor, Map.of("ids", List.of(key.id()))), 403, "role");
        assertError(api.http().json("POST", api.adminPath() + "/revoke", freshAuditor, Map.of("userId", owner4)), 403, "role");
        assertEquals(200, exchange(api, key).status());
    }
}
