package dev.accesskeys.rest;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * {@code search=} on both APIs: a prefix of the name (case-insensitive), a prefix of the key ID (case-sensitive) or
 * the owner's exact username; never a match in the middle of a name.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class SearchIT {

    private static final String PASSWORD = "Secret-pass-1";
    private static final String ADMIN = "/admin/realms/search/" + AccessKeys.REST_PROVIDER_ID;
    private static final String SELF = "/realms/search/" + AccessKeys.REST_PROVIDER_ID;

    public static class SearchRealmConfig implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("search");
        }
    }

    @InjectRealm(config = SearchRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void searchMatchesNamePrefixKeyIdPrefixAndOwnerUsername() {
        Http http = new Http(urls.getBase());
        String token = admin.tokenManager().getAccessTokenString();
        String carolId = TestUsers.create(realm.admin(), "carol", PASSWORD);
        String daveId = TestUsers.create(realm.admin(), "dave", PASSWORD);
        String deployBot = create(http, token, carolId, "Deploy bot");
        String deploy2 = create(http, token, carolId, "deploy-2");
        String myDeploy = create(http, token, daveId, "my deploy key");
        String backup = create(http, token, daveId, "backup");

        assertEquals(Set.of(deployBot, deploy2), ids(http.get(ADMIN + "?search=deploy", token)), "name prefix, any case");
        assertEquals(Set.of(deployBot, deploy2), ids(http.get(ADMIN + "?search=DEPLOY", token)), "name prefix, any case");
        assertEquals(Set.of(), ids(http.get(ADMIN + "?search=eploy", token)), "no match inside a name");
        assertEquals(Set.of(myDeploy), ids(http.get(ADMIN + "?search=my%20dep", token)));
        assertEquals(Set.of(backup), ids(http.get(ADMIN + "?search=" + backup, token)), "the whole key ID");
        assertEquals(Set.of(backup), ids(http.get(ADMIN + "?search=" + backup.substring(0, 12), token)), "a key-ID prefix");
        assertEquals(Set.of(), ids(http.get(ADMIN + "?search=ak_" + swapCase(backup.substring(3)), token)),
                "key IDs are case-sensitive");
        assertEquals(Set.of(myDeploy, backup), ids(http.get(ADMIN + "?search=dave", token)), "the owner's username");
        assertEquals(Set.of(myDeploy, backup), ids(http.get(ADMIN + "?search=DAVE", token)), "usernames are lower case");
        assertEquals(Set.of(), ids(http.get(ADMIN + "?search=dav", token)), "the username must match exactly");
        assertEquals(Set.of(deploy2), ids(http.get(ADMIN + "?search=deploy-&status=active", token)));
        assertEquals(Set.of(), ids(http.get(ADMIN + "?search=50%25", token)), "% is a character, not a wildcard");
        assertEquals(Set.of(), ids(http.get(ADMIN + "?search=_eploy", token)), "_ is a character, not a wildcard");

        String carol = http.passwordToken("search", "carol", PASSWORD);
        assertEquals(Set.of(deployBot), ids(http.get(SELF + "?search=deploy%20b", carol)), "self-service: name prefix");
        assertEquals(Set.of(), ids(http.get(SELF + "?search=backup", carol)), "self-service: only the caller's keys");
    }

    /**
     * A newest-first search looks among the realm's newest keys first (the suite's server: the 8 newest, option
     * {@code search-recent-window}) and asks the indexes for every match only when those hold less than the page. Each
     * page is the same either way: matches among the newest keys, matches all older than them, and a mix.
     */
    @Test
    void everyPageOfANewestFirstSearchIsExactWhereverItsMatchesLie() {
        Http http = new Http(urls.getBase());
        String token = admin.tokenManager().getAccessTokenString();
        // three owners: the realm's default policy allows 10 keys per user
        List<String> owners = List.of(TestUsers.create(realm.admin(), "erin", PASSWORD),
                TestUsers.create(realm.admin(), "frank", PASSWORD), TestUsers.create(realm.admin(), "gina", PASSWORD));
        for (int i = 1; i <= 12; i++) {
            create(http, token, owners.get(i % 3), String.format("old match %02d", i));
        }
        for (int i = 1; i <= 12; i++) {
            create(http, token, owners.get(i % 3), String.format("newer filler %02d", i));
        }
        create(http, token, owners.get(0), "old match 13, made last");
        List<JsonNode> all = allKeys(http, token);
        for (String term : List.of("old match", "newer filler", "old", "newer filler 1")) {
            assertPagesAre(http, token, "search=" + term.replace(" ", "%20"), 5, expected(all,
                    key -> key.get("name").asText().toLowerCase(java.util.Locale.ROOT).startsWith(term)));
        }
    }

    /**
     * A term older than the newest keys is answered arm by arm (name prefix, key-ID prefix, owner's username), each arm
     * under the listing's other filters: the arms' matches merge into one newest-first order, a key that two arms
     * match is listed once, and a status or owner filter holds on every arm and every page.
     */
    @Test
    void aSearchOfOlderKeysMergesItsArmsUnderTheOtherFilters() {
        Http http = new Http(urls.getBase());
        String token = admin.tokenManager().getAccessTokenString();
        String hank = TestUsers.create(realm.admin(), "hank", PASSWORD);
        String ivy = TestUsers.create(realm.admin(), "ivy", PASSWORD);
        List<String> fillers = List.of(TestUsers.create(realm.admin(), "jay", PASSWORD),
                TestUsers.create(realm.admin(), "kim", PASSWORD));
        List<String> disabled = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            // hank's keys match by owner (and "hank's ..." by name as well: two arms, one key); ivy's by name only
            String hanks = create(http, token, hank, i % 2 == 0 ? String.format("hank's key %02d", i) : String.format("build %02d", i));
            String ivys = create(http, token, ivy, String.format("Hank tools %02d", i));
            if (i % 3 == 0) {
                disabled.add(hanks);
                disabled.add(ivys);
            }
        }
        for (String id : disabled) {
            assertEquals(200, http.json("PATCH", ADMIN + "/" + id, token, Map.of("enabled", false)).status(), "disable " + id);
        }
        for (int i = 1; i <= 10; i++) {
            create(http, token, fillers.get(i % 2), String.format("filler %02d", i));
        }
        // a term that every arm matches: every key by its ID, this one also by its name and by its owner's username
        create(http, token, TestUsers.create(realm.admin(), "ak_", PASSWORD), "ak_ lookalike");
        List<JsonNode> all = allKeys(http, token);
        java.util.function.Predicate<JsonNode> hankTerm = key -> key.get("userId").asText().equals(hank)
                || key.get("name").asText().toLowerCase(java.util.Locale.ROOT).startsWith("hank");
        java.util.function.Predicate<JsonNode> active = key -> key.get("status").asText().equals("active");
        java.util.function.Predicate<JsonNode> ivys = key -> key.get("userId").asText().equals(ivy);
        assertEquals(16, all.stream().filter(hankTerm).count(), "every key of hank and ivy matches hank");
        assertPagesAre(http, token, "search=hank", 3, expected(all, hankTerm));
        assertPagesAre(http, token, "search=hank&status=active", 3, expected(all, hankTerm.and(active)));
        assertPagesAre(http, token, "search=hank&status=disabled", 3, expected(all, hankTerm.and(active.negate())));
        assertPagesAre(http, token, "search=hank&userId=" + ivy, 3, expected(all, hankTerm.and(ivys)));
        assertPagesAre(http, token, "search=hank%27s&status=active", 3, expected(all, key -> active.test(key)
                && key.get("name").asText().startsWith("hank's")));
        assertPagesAre(http, token, "search=ak_", 50, expected(all, key -> true));
        assertPagesAre(http, token, "search=ak_&status=disabled", 5, expected(all, key -> key.get("status").asText().equals("disabled")));
    }

    /** The IDs of the keys that match, in the listing's order: newest first, then by ID. */
    private static List<String> expected(List<JsonNode> all, java.util.function.Predicate<JsonNode> matches) {
        return all.stream().filter(matches)
                .sorted(java.util.Comparator.<JsonNode>comparingLong(k -> -k.get("createdAt").asLong())
                        .thenComparing(k -> k.get("id").asText()))
                .map(k -> k.get("id").asText()).toList();
    }

    /**
     * Pages of {@code pageSize} through the admin listing with {@code query}, one past the end, together are
     * {@code expected}, and {@code /count} with the query answers their number.
     */
    private static void assertPagesAre(Http http, String token, String query, int pageSize, List<String> expected) {
        assertEquals(String.valueOf(expected.size()), http.get(ADMIN + "/count?" + query, token).body(), "count of " + query);
        List<String> paged = new ArrayList<>();
        for (int first = 0; first < expected.size() + pageSize; first += pageSize) {
            Reply page = http.get(ADMIN + "?" + query + "&first=" + first + "&max=" + pageSize, token);
            assertEquals(200, page.status(), page.toString());
            page.json().forEach(key -> paged.add(key.get("id").asText()));
        }
        assertEquals(expected, paged, "pages of " + query + ", newest first");
    }

    /** Every key of the realm (the test realm holds fewer than 1 000). */
    private static List<JsonNode> allKeys(Http http, String token) {
        Reply all = http.get(ADMIN + "?first=0&max=1000", token);
        assertEquals(200, all.status(), all.toString());
        List<JsonNode> keys = new ArrayList<>();
        all.json().forEach(keys::add);
        return keys;
    }

    private static String create(Http http, String token, String userId, String name) {
        Reply reply = http.json("POST", ADMIN, token, Map.of("userId", userId, "name", name));
        assertEquals(201, reply.status(), reply.toString());
        return reply.text("id");
    }

    private static Set<String> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        Set<String> ids = new TreeSet<>();
        for (JsonNode key : reply.json()) {
            ids.add(key.get("id").asText());
        }
        return ids;
    }

    private static String swapCase(String text) {
        List<String> out = new ArrayList<>();
        for (char c : text.toCharArray()) {
            out.add(String.valueOf(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        }
        return String.join("", out);
    }
}
