package dev.accesskeys.grant;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.ExternalDatabase;
import dev.accesskeys.support.GrantClients;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access-key grant and the app-password authenticator against a real Keycloak. */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AccessKeyGrantIT {

    private static final String INVALID = "Invalid access key or secret";

    @InjectRealm(config = GrantRealmConfig.class)
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

    /** alice: realm roles reader and writer. */
    private String alice() {
        return f.userWithRealmRoles("alice", "reader", "writer");
    }

    /** bob: realm role reader. */
    private String bob() {
        return f.userWithRealmRoles("bob", "reader");
    }

    @Test
    void exchangeIssuesTheOwnersTokenWithTheKeyClaimAndNoRefreshToken() {
        Key key = f.createKey(alice(), "ci", Map.of("scopes", List.of("profile")));
        Reply reply = f.exchange(key.id(), key.secret(), null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Bearer", reply.text("token_type"));
        assertNull(reply.text("refresh_token"));
        assertTrue(reply.json().get("expires_in").asInt() > 0);
        JsonNode claims = AccessKeysApi.claims(reply.text("access_token"));
        assertEquals(alice(), claims.get("sub").asText());
        assertEquals(key.id(), claims.get(AccessKeys.ACCESS_KEY_ID_CLAIM).asText());
        assertEquals(Set.of("profile"), scopes(claims.get("scope").asText()));
        assertEquals(Set.of("profile"), scopes(reply.text("scope")));
        assertFalse(claims.has("email"), "the client's default scope email is outside the key");
        assertTrue(claims.has("preferred_username"));
        assertFalse(claims.has("sid"), "transient session: no session id");
        // roles scope outside the key: no role is in the token, and realm_access is there but empty, so that Keycloak's
        // own APIs never take the token for a lightweight one and look the owner's roles up
        assertEquals(0, claims.get("realm_access").path("roles").size(), "roles scope outside the key: " + claims.get("realm_access"));
        assertFalse(claims.has("resource_access"), "roles scope outside the key");
    }

    @Test
    void requestedScopesAreCutToTheKeyAndOutsideScopesAreRefused() {
        Key key = f.createKey(alice(), "scoped", Map.of("scopes", List.of("profile", "email", "roles")));
        Reply reply = f.exchange(key.id(), key.secret(), "openid email");
        assertEquals(200, reply.status(), reply.body());
        JsonNode claims = AccessKeysApi.claims(reply.text("access_token"));
        Set<String> scope = scopes(claims.get("scope").asText());
        assertTrue(scope.contains("openid") && scope.contains("email"), scope.toString());
        assertTrue(Set.of("openid", "email", "profile", "roles").containsAll(scope), scope.toString());
        assertNotNull(reply.text("id_token"));

        Reply outside = f.exchange(key.id(), key.secret(), "address");
        assertEquals(400, outside.status(), outside.body());
        assertEquals("invalid_scope", outside.text("error"));
        Reply outsideUnknown = f.exchange(key.id(), key.secret(), "email phone");
        assertEquals("invalid_scope", outsideUnknown.text("error"));
    }

    @Test
    void rolesAreCutToUserRolesAndKeyRoles() {
        Key key = f.createKey(alice(), "roles", Map.of("roles", List.of("reader")));
        Reply reply = f.exchange(key.id(), key.secret(), null);
        assertEquals(200, reply.status(), reply.body());
        JsonNode claims = AccessKeysApi.claims(reply.text("access_token"));
        Set<String> realmRoles = new HashSet<>();
        claims.get("realm_access").get("roles").forEach(r -> realmRoles.add(r.asText()));
        assertEquals(Set.of("reader"), realmRoles);
        assertFalse(claims.has("resource_access"), "account roles are not in the key: " + claims.get("resource_access"));

        // a role the user does not have never appears, even if the key names it
        Key bobKey = f.createKey(bob(), "bob-roles", Map.of("roles", List.of("reader", "writer")));
        JsonNode bob = AccessKeysApi.claims(f.exchange(bobKey.id(), bobKey.secret(), null).text("access_token"));
        Set<String> bobRoles = new HashSet<>();
        bob.get("realm_access").get("roles").forEach(r -> bobRoles.add(r.asText()));
        assertEquals(Set.of("reader"), bobRoles);
    }

    @Test
    void clientMustAllowTheGrantAndTheKeyMustAllowTheClient() {
        Key key = f.createKey(alice(), "clients", Map.of("clients", List.of("machine")));
        Reply off = f.exchange("machine-off", "machine-off-secret", key.id(), key.secret(), null);
        assertEquals(400, off.status(), off.body());
        assertEquals("unauthorized_client", off.text("error"));

        Reply other = f.exchange("other", "other-secret", key.id(), key.secret(), null);
        assertEquals(400, other.status(), other.body());
        assertEquals("unauthorized_client", other.text("error"));

        Reply badClientSecret = f.exchange("machine", "wrong", key.id(), key.secret(), null);
        assertEquals(401, badClientSecret.status(), badClientSecret.body());

        assertEquals(200, f.exchange(key.id(), key.secret(), null).status());
        // a public client needs no client secret: the key is the credential
        Key open = f.createKey(alice(), "public", Map.of());
        assertEquals(200, f.exchange("public-machine", null, open.id(), open.secret(), null).status());
    }

    @Test
    void everyBadKeyGetsTheSameInvalidGrant() throws Exception {
        Key key = f.createKey(alice(), "bad", Map.of());
        assertInvalid(f.exchange(key.id(), key.secret() + "x", null));
        assertInvalid(f.exchange("ak_doesnotexist", key.secret(), null));

        Key disabled = f.createKey(alice(), "disabled", Map.of());
        assertEquals(200, f.exchange(disabled.id(), disabled.secret(), null).status());
        assertEquals(200, f.admin("PATCH", "/" + disabled.id(), Map.of("enabled", false)).status());
        assertInvalid(f.exchange(disabled.id(), disabled.secret(), null));

        Key revoked = f.createKey(alice(), "revoked", Map.of());
        assertEquals(200, f.exchange(revoked.id(), revoked.secret(), null).status());
        assertEquals(200, f.admin("POST", "/" + revoked.id() + "/revoke", null).status());
        assertInvalid(f.exchange(revoked.id(), revoked.secret(), null));

        Key expiring = f.createKey(alice(), "expiring", Map.of("expiresAt", System.currentTimeMillis() + 3000));
        assertEquals(200, f.exchange(expiring.id(), expiring.secret(), null).status());
        Thread.sleep(3500);
        assertInvalid(f.exchange(expiring.id(), expiring.secret(), null));

        String carol = f.userWithRealmRoles("carol", "reader");
        Key carolKey = f.createKey(carol, "carol", Map.of());
        assertEquals(200, f.exchange(carolKey.id(), carolKey.secret(), null).status());
        UserRepresentation rep = f.realmAdmin().users().get(carol).toRepresentation();
        rep.setEnabled(false);
        f.realmAdmin().users().get(carol).update(rep);
        assertInvalid(f.exchange(carolKey.id(), carolKey.secret(), null));
    }

    @Test
    void everyChangeIsHonouredOnTheNextExchangeAfterTheKeyWasUsed() {
        // each step first uses the key, so a node that remembers verified keys has it in memory
        Key key = f.createKey(alice(), "changing", Map.of());
        assertEquals(200, f.exchange(key.id(), key.secret(), null).status());

        Reply rotated = f.admin("POST", "/" + key.id() + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        String secret = rotated.text("secret");
        assertInvalid(f.exchange(key.id(), key.secret(), null));
        assertEquals(200, f.exchange(key.id(), secret, null).status());

        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("scopes", List.of("profile"))).status());
        Reply narrowed = f.exchange(key.id(), secret, "openid email");
        assertEquals("invalid_scope", narrowed.text("error"), narrowed.body());
        assertEquals(200, f.exchange(key.id(), secret, "openid profile").status());

        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("clients", List.of("public-machine"))).status());
        assertEquals("unauthorized_client", f.exchange(key.id(), secret, null).text("error"));
        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("clients", List.of("machine", "public-machine"))).status());
        assertEquals(200, f.exchange(key.id(), secret, null).status());

        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("enabled", false)).status());
        assertInvalid(f.exchange(key.id(), secret, null));
        assertEquals(200, f.admin("PATCH", "/" + key.id(), Map.of("enabled", true)).status());
        assertEquals(200, f.exchange(key.id(), secret, null).status());

        assertEquals(204, f.admin("DELETE", "/" + key.id(), null).status());
        assertInvalid(f.exchange(key.id(), secret, null));

        String frank = f.userWithRealmRoles("frank", "reader");
        Key frankKey = f.createKey(frank, "frank", Map.of());
        assertEquals(200, f.exchange(frankKey.id(), frankKey.secret(), null).status());
        f.realmAdmin().users().get(frank).remove();
        assertInvalid(f.exchange(frankKey.id(), frankKey.secret(), null));
    }

    @Test
    void noUserSessionIsStoredAndOneThousandExchangesLeaveNone() {
        String dave = f.userWithRealmRoles("dave", "reader");
        Key key = f.createKey(dave, "sessions", Map.of());
        long start = System.nanoTime();
        int n = 1000;
        for (int i = 0; i < n; i++) {
            Reply reply = f.exchange(key.id(), key.secret(), null);
            assertEquals(200, reply.status(), reply.body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int sessions = f.realmAdmin().users().get(dave).getUserSessions().size();
        int offline = f.realmAdmin().users().get(dave).getOfflineSessions(
                f.realmAdmin().clients().findByClientId("machine").get(0).getId()).size();
        System.out.printf("MEASURE sequential: %d exchanges in %.2f s = %.1f/s; user sessions after: %d, offline: %d%n",
                n, seconds, n / seconds, sessions, offline);
        assertEquals(0, sessions);
        assertEquals(0, offline);
    }

    @Test
    void fiftyConcurrentExchangesOfOneKeyAllSucceed() throws Exception {
        Key key = f.createKey(alice(), "concurrent", Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                replies.add(pool.submit(() -> f.exchange(key.id(), key.secret(), null)));
            }
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertEquals(200, r.status(), r.body());
            }
            // a bigger parallel run for the throughput figure
            replies.clear();
            start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                replies.add(pool.submit(() -> f.exchange(key.id(), key.secret(), null)));
            }
            int ok = 0;
            for (Future<Reply> reply : replies) {
                ok += reply.get().status() == 200 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("MEASURE parallel(50 threads): %d/1000 ok in %.2f s = %.1f/s%n", ok, seconds, 1000 / seconds);
            assertEquals(1000, ok);
        } finally {
            pool.shutdownNow();
        }
        JsonNode key1 = f.admin("GET", "/" + key.id(), null).json();
        assertNotNull(key1.get("lastUsedAt"));
        assertFalse(key1.get("lastUsedAt").isNull());
    }

    /**
     * Last-use stamps are written behind, every few seconds, as one batch: on an external database the rows get the
     * very stamps the API shows, for several keys used between two writes.
     */
    @Test
    void usesReachTheKeyRowsWithTheNextWrite() throws InterruptedException {
        Map<String, Long> shown = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            Key key = f.createKey(alice(), "stamped " + i, Map.of());
            Reply reply = f.exchange(key.id(), key.secret(), null);
            assertEquals(200, reply.status(), reply.body());
            JsonNode stored = f.admin("GET", "/" + key.id(), null).json();
            assertTrue(stored.get("lastUsedAt").isNumber(), "the API shows the use at once: " + stored);
            shown.put(key.id(), stored.get("lastUsedAt").asLong());
        }
        ExternalDatabase database = ExternalDatabase.ofSuite();
        if (database == null) {
            return; // the embedded H2 database is not readable from here; the PostgreSQL and MariaDB runs check the rows
        }
        String ids = String.join("','", shown.keySet());
        Map<String, Long> written = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!written.equals(shown) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            written.clear();
            for (String[] row : database.query("SELECT ID, LAST_USED_AT FROM ACCESS_KEY WHERE ID IN ('" + ids + "') AND LAST_USED_AT IS NOT NULL")) {
                written.put(row[0], Long.parseLong(row[1]));
            }
        }
        assertEquals(shown, written, "LAST_USED_AT of the three keys in " + database.vendor() + " within 20 s");
    }

    @Test
    void tokenWorksAtUserinfoAndIntrospection() {
        Key key = f.createKey(alice(), "userinfo", Map.of("scopes", List.of("openid", "profile")));
        Reply reply = f.exchange(key.id(), key.secret(), "openid");
        assertEquals(200, reply.status(), reply.body());
        String token = reply.text("access_token");

        Reply userinfo = f.userinfo(token);
        assertEquals(200, userinfo.status(), userinfo.body());
        assertEquals(alice(), userinfo.text("sub"));
        assertEquals("alice", userinfo.text("preferred_username"));

        Reply introspection = f.introspect(token);
        assertEquals(200, introspection.status(), introspection.body());
        assertTrue(introspection.json().get("active").asBoolean(), introspection.body());
        assertEquals(alice(), introspection.text("sub"));
        assertEquals("alice", introspection.text("username"));
        // KNOWN GAP: Keycloak 26.7 rebuilds the introspection answer from the token's basic claims and re-runs the
        // client's introspection mappers, so access_key_id is absent there and the roles are not cut to the key.
        // The signed JWT itself carries the limits (see the other tests).

        Key revoke = f.createKey(alice(), "introspect-scoped", Map.of("scopes", List.of("email")));
        String scoped = f.exchange(revoke.id(), revoke.secret(), null).text("access_token");
        assertTrue(AccessKeysApi.claims(scoped).get("aud").toString().contains("resource-api"),
                "the client's own mappers stay when scopes are cut");
    }

    @Test
    void aKeyTokenCannotManageKeys() {
        Key key = f.createKey(alice(), "no-minting", Map.of());
        String token = f.exchange(key.id(), key.secret(), null).text("access_token");
        Reply list = f.http().get(f.self(), token);
        assertEquals(403, list.status(), list.body());
        Reply create = f.http().json("POST", f.self(), token, Map.of("name", "minted"));
        assertEquals(403, create.status(), create.body());
    }

    @Test
    void jwtValidatesAgainstTheRealmJwks() throws Exception {
        Key key = f.createKey(alice(), "jwks", Map.of());
        String token = f.exchange(key.id(), key.secret(), null).text("access_token");
        String[] parts = token.split("\\.");
        JsonNode header = AccessKeysApi.claims("x." + parts[0]);
        JsonNode jwks = f.http().get("/realms/" + f.realm() + "/protocol/openid-connect/certs", null).json();
        JsonNode jwk = null;
        for (JsonNode k : jwks.get("keys")) {
            if (k.get("kid").asText().equals(header.get("kid").asText())) {
                jwk = k;
            }
        }
        assertNotNull(jwk, "kid in the JWKS");
        assertEquals("RS256", header.get("alg").asText());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.verify(Base64.getUrlDecoder().decode(parts[2])));
        JsonNode claims = AccessKeysApi.claims(token);
        assertEquals(f.http().base() + "/realms/" + f.realm(), claims.get("iss").asText());
        assertTrue(claims.get("exp").asLong() > System.currentTimeMillis() / 1000);
    }

    @Test
    void policyLifespanSetsExpiresIn() {
        assertEquals(200, f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50, "accessTokenLifespanSeconds", 120)).status());
        try {
            Key key = f.createKey(alice(), "lifespan", Map.of());
            Reply reply = f.exchange(key.id(), key.secret(), null);
            int expiresIn = reply.json().get("expires_in").asInt();
            assertTrue(expiresIn > 100 && expiresIn <= 120, "expires_in " + expiresIn);
            JsonNode claims = AccessKeysApi.claims(reply.text("access_token"));
            assertEquals(120, claims.get("exp").asLong() - claims.get("iat").asLong());
        } finally {
            f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50));
        }
    }

    @Test
    void eventsCarryTheKeyIdAndNeverTheSecret() {
        Key key = f.createKey(alice(), "events", Map.of());
        f.exchange(key.id(), key.secret(), null);
        f.exchange(key.id(), "aks_wrong", null);
        List<EventRepresentation> events = f.realmAdmin().getEvents();
        List<EventRepresentation> mine = events.stream()
                .filter(e -> e.getDetails() != null && key.id().equals(e.getDetails().get(AccessKeys.ACCESS_KEY_ID_CLAIM))).toList();
        assertTrue(mine.stream().anyMatch(e -> "LOGIN".equals(e.getType())), events.toString());
        EventRepresentation error = mine.stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).findFirst().orElseThrow();
        assertEquals(AccessKeys.GRANT_TYPE, error.getDetails().get("grant_type"));
        assertEquals("machine", error.getClientId());
        for (EventRepresentation e : mine) {
            assertFalse(e.toString().contains(key.secret()) || String.valueOf(e.getDetails()).contains(key.secret()));
        }
    }

    @Test
    void repeatedFailuresLockOneKeyButNotTheOwnersOtherKeys() {
        String erin = f.userWithRealmRoles("erin", "reader");
        Key key = f.createKey(erin, "locked", Map.of());
        Key other = f.createKey(erin, "unlocked", Map.of());
        for (int i = 0; i < 10; i++) {
            assertInvalid(f.exchange(key.id(), "aks_wrong" + i, null));
        }
        assertInvalid(f.exchange(key.id(), key.secret(), null));
        assertEquals(200, f.exchange(other.id(), other.secret(), null).status());
        assertEquals(400, f.passwordLogin(GrantClients.APP_PASSWORDS, other.id(), key.secret(), null).status());
    }

    @Test
    void appPasswordPathIssuesALimitedToken() {
        Key key = f.createKey(alice(), "app-password", Map.of("scopes", List.of("profile", "roles"), "roles", List.of("reader")));
        Reply reply = f.passwordLogin(GrantClients.APP_PASSWORDS, key.id(), key.secret(), null);
        assertEquals(200, reply.status(), reply.body());
        JsonNode claims = AccessKeysApi.claims(reply.text("access_token"));
        assertEquals(alice(), claims.get("sub").asText());
        assertEquals(key.id(), claims.get(AccessKeys.ACCESS_KEY_ID_CLAIM).asText());
        Set<String> realmRoles = new HashSet<>();
        claims.get("realm_access").get("roles").forEach(r -> realmRoles.add(r.asText()));
        assertEquals(Set.of("reader"), realmRoles);
        assertTrue(Set.of("profile", "roles").containsAll(scopes(claims.get("scope").asText())), claims.get("scope").asText());

        Reply bad = f.passwordLogin(GrantClients.APP_PASSWORDS, key.id(), key.secret() + "x", null);
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid_grant", bad.text("error"));
        assertEquals(INVALID, bad.text("error_description"));

        assertEquals(400, f.passwordLogin(GrantClients.APP_PASSWORDS, "alice", AccessKeysApi.PASSWORD, null).status(), "the flow takes keys only");
    }

    private static void assertInvalid(Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid_grant", reply.text("error"), reply.body());
        assertEquals(INVALID, reply.text("error_description"), reply.body());
    }

    private static Set<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? Set.of() : Set.of(scope.trim().split("\\s+"));
    }
}
