package dev.accesskeys.grant;

import dev.accesskeys.support.AccessKeysServerConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.grant.GrantFixture.Reply;

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

    private static GrantFixture fixture;

    private GrantFixture f;

    @BeforeEach
    void setUp() {
        if (fixture == null || !fixture.realmName.equals(managedRealm.getName())) {
            fixture = new GrantFixture(urls.getBase(), managedRealm.getName(), admin);
            fixture.setUp();
        }
        f = fixture;
    }

    @Test
    void exchangeIssuesTheOwnersTokenWithTheKeyClaimAndNoRefreshToken() {
        String[] key = f.createKey(f.aliceId, "ci", Map.of("scopes", List.of("profile")));
        Reply reply = f.exchange(key[0], key[1], null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Bearer", reply.text("token_type"));
        assertNull(reply.text("refresh_token"));
        assertTrue(reply.json().get("expires_in").asInt() > 0);
        JsonNode claims = GrantFixture.claims(reply.text("access_token"));
        assertEquals(f.aliceId, claims.get("sub").asText());
        assertEquals(key[0], claims.get("access_key_id").asText());
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
        String[] key = f.createKey(f.aliceId, "scoped", Map.of("scopes", List.of("profile", "email", "roles")));
        Reply reply = f.exchange(key[0], key[1], "openid email");
        assertEquals(200, reply.status(), reply.body());
        JsonNode claims = GrantFixture.claims(reply.text("access_token"));
        Set<String> scope = scopes(claims.get("scope").asText());
        assertTrue(scope.contains("openid") && scope.contains("email"), scope.toString());
        assertTrue(Set.of("openid", "email", "profile", "roles").containsAll(scope), scope.toString());
        assertNotNull(reply.text("id_token"));

        Reply outside = f.exchange(key[0], key[1], "address");
        assertEquals(400, outside.status(), outside.body());
        assertEquals("invalid_scope", outside.text("error"));
        Reply outsideUnknown = f.exchange(key[0], key[1], "email phone");
        assertEquals("invalid_scope", outsideUnknown.text("error"));
    }

    @Test
    void rolesAreCutToUserRolesAndKeyRoles() {
        String[] key = f.createKey(f.aliceId, "roles", Map.of("roles", List.of("reader")));
        Reply reply = f.exchange(key[0], key[1], null);
        assertEquals(200, reply.status(), reply.body());
        JsonNode claims = GrantFixture.claims(reply.text("access_token"));
        Set<String> realmRoles = new HashSet<>();
        claims.get("realm_access").get("roles").forEach(r -> realmRoles.add(r.asText()));
        assertEquals(Set.of("reader"), realmRoles);
        assertFalse(claims.has("resource_access"), "account roles are not in the key: " + claims.get("resource_access"));

        // a role the user does not have never appears, even if the key names it
        String[] bobKey = f.createKey(f.bobId, "bob-roles", Map.of("roles", List.of("reader", "writer")));
        JsonNode bob = GrantFixture.claims(f.exchange(bobKey[0], bobKey[1], null).text("access_token"));
        Set<String> bobRoles = new HashSet<>();
        bob.get("realm_access").get("roles").forEach(r -> bobRoles.add(r.asText()));
        assertEquals(Set.of("reader"), bobRoles);
    }

    @Test
    void clientMustAllowTheGrantAndTheKeyMustAllowTheClient() {
        String[] key = f.createKey(f.aliceId, "clients", Map.of("clients", List.of("machine")));
        Reply off = f.exchange("machine-off", "machine-off-secret", key[0], key[1], null);
        assertEquals(400, off.status(), off.body());
        assertEquals("unauthorized_client", off.text("error"));

        Reply other = f.exchange("other", "other-secret", key[0], key[1], null);
        assertEquals(400, other.status(), other.body());
        assertEquals("unauthorized_client", other.text("error"));

        Reply badClientSecret = f.exchange("machine", "wrong", key[0], key[1], null);
        assertEquals(401, badClientSecret.status(), badClientSecret.body());

        assertEquals(200, f.exchange(key[0], key[1], null).status());
        // a public client needs no client secret: the key is the credential
        String[] open = f.createKey(f.aliceId, "public", Map.of());
        assertEquals(200, f.exchange("public-machine", null, open[0], open[1], null).status());
    }

    @Test
    void everyBadKeyGetsTheSameInvalidGrant() throws Exception {
        String[] key = f.createKey(f.aliceId, "bad", Map.of());
        assertInvalid(f.exchange(key[0], key[1] + "x", null));
        assertInvalid(f.exchange("ak_doesnotexist", key[1], null));

        String[] disabled = f.createKey(f.aliceId, "disabled", Map.of());
        assertEquals(200, f.exchange(disabled[0], disabled[1], null).status());
        assertEquals(200, f.adminCall("PATCH", "/" + disabled[0], Map.of("enabled", false)).status());
        assertInvalid(f.exchange(disabled[0], disabled[1], null));

        String[] revoked = f.createKey(f.aliceId, "revoked", Map.of());
        assertEquals(200, f.exchange(revoked[0], revoked[1], null).status());
        assertEquals(200, f.adminCall("POST", "/" + revoked[0] + "/revoke", null).status());
        assertInvalid(f.exchange(revoked[0], revoked[1], null));

        String[] expiring = f.createKey(f.aliceId, "expiring", Map.of("expiresAt", System.currentTimeMillis() + 3000));
        assertEquals(200, f.exchange(expiring[0], expiring[1], null).status());
        Thread.sleep(3500);
        assertInvalid(f.exchange(expiring[0], expiring[1], null));

        String carol = f.user("carol", "reader");
        String[] carolKey = f.createKey(carol, "carol", Map.of());
        assertEquals(200, f.exchange(carolKey[0], carolKey[1], null).status());
        UserRepresentation rep = f.realm.users().get(carol).toRepresentation();
        rep.setEnabled(false);
        f.realm.users().get(carol).update(rep);
        assertInvalid(f.exchange(carolKey[0], carolKey[1], null));
    }

    @Test
    void everyChangeIsHonouredOnTheNextExchangeAfterTheKeyWasUsed() {
        // each step first uses the key, so a node that remembers verified keys has it in memory
        String[] key = f.createKey(f.aliceId, "changing", Map.of());
        assertEquals(200, f.exchange(key[0], key[1], null).status());

        Reply rotated = f.adminCall("POST", "/" + key[0] + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        String secret = rotated.text("secret");
        assertInvalid(f.exchange(key[0], key[1], null));
        assertEquals(200, f.exchange(key[0], secret, null).status());

        assertEquals(200, f.adminCall("PATCH", "/" + key[0], Map.of("scopes", List.of("profile"))).status());
        Reply narrowed = f.exchange(key[0], secret, "openid email");
        assertEquals("invalid_scope", narrowed.text("error"), narrowed.body());
        assertEquals(200, f.exchange(key[0], secret, "openid profile").status());

        assertEquals(200, f.adminCall("PATCH", "/" + key[0], Map.of("clients", List.of("public-machine"))).status());
        assertEquals("unauthorized_client", f.exchange(key[0], secret, null).text("error"));
        assertEquals(200, f.adminCall("PATCH", "/" + key[0], Map.of("clients", List.of("machine", "public-machine"))).status());
        assertEquals(200, f.exchange(key[0], secret, null).status());

        assertEquals(200, f.adminCall("PATCH", "/" + key[0], Map.of("enabled", false)).status());
        assertInvalid(f.exchange(key[0], secret, null));
        assertEquals(200, f.adminCall("PATCH", "/" + key[0], Map.of("enabled", true)).status());
        assertEquals(200, f.exchange(key[0], secret, null).status());

        assertEquals(204, f.adminCall("DELETE", "/" + key[0], null).status());
        assertInvalid(f.exchange(key[0], secret, null));

        String frank = f.user("frank", "reader");
        String[] frankKey = f.createKey(frank, "frank", Map.of());
        assertEquals(200, f.exchange(frankKey[0], frankKey[1], null).status());
        f.realm.users().get(frank).remove();
        assertInvalid(f.exchange(frankKey[0], frankKey[1], null));
    }

    @Test
    void noUserSessionIsStoredAndOneThousandExchangesLeaveNone() {
        String dave = f.user("dave", "reader");
        String[] key = f.createKey(dave, "sessions", Map.of());
        long start = System.nanoTime();
        int n = 1000;
        for (int i = 0; i < n; i++) {
            Reply reply = f.exchange(key[0], key[1], null);
            assertEquals(200, reply.status(), reply.body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int sessions = f.realm.users().get(dave).getUserSessions().size();
        int offline = f.realm.users().get(dave).getOfflineSessions(
                f.realm.clients().findByClientId("machine").get(0).getId()).size();
        System.out.printf("MEASURE sequential: %d exchanges in %.2f s = %.1f/s; user sessions after: %d, offline: %d%n",
                n, seconds, n / seconds, sessions, offline);
        assertEquals(0, sessions);
        assertEquals(0, offline);
    }

    @Test
    void fiftyConcurrentExchangesOfOneKeyAllSucceed() throws Exception {
        String[] key = f.createKey(f.aliceId, "concurrent", Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                replies.add(pool.submit(() -> f.exchange(key[0], key[1], null)));
            }
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertEquals(200, r.status(), r.body());
            }
            // a bigger parallel run for the throughput figure
            replies.clear();
            start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                replies.add(pool.submit(() -> f.exchange(key[0], key[1], null)));
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
        JsonNode key1 = f.adminCall("GET", "/" + key[0], null).json();
        assertNotNull(key1.get("lastUsedAt"));
        assertFalse(key1.get("lastUsedAt").isNull());
    }

    @Test
    void tokenWorksAtUserinfoAndIntrospection() {
        String[] key = f.createKey(f.aliceId, "userinfo", Map.of("scopes", List.of("openid", "profile")));
        Reply reply = f.exchange(key[0], key[1], "openid");
        assertEquals(200, reply.status(), reply.body());
        String token = reply.text("access_token");

        Reply userinfo = f.call("GET", f.base + "/realms/" + f.realmName + "/protocol/openid-connect/userinfo", token, null);
        assertEquals(200, userinfo.status(), userinfo.body());
        assertEquals(f.aliceId, userinfo.text("sub"));
        assertEquals("alice", userinfo.text("preferred_username"));

        Reply introspection = f.post(f.tokenUrl() + "/introspect", Map.of("token", token), "resource-api:resource-api-secret");
        assertEquals(200, introspection.status(), introspection.body());
        assertTrue(introspection.json().get("active").asBoolean(), introspection.body());
        assertEquals(f.aliceId, introspection.text("sub"));
        assertEquals("alice", introspection.text("username"));
        // KNOWN GAP: Keycloak 26.7 rebuilds the introspection answer from the token's basic claims and re-runs the
        // client's introspection mappers, so access_key_id is absent there and the roles are not cut to the key.
        // The signed JWT itself carries the limits (see the other tests).

        String[] revoke = f.createKey(f.aliceId, "introspect-scoped", Map.of("scopes", List.of("email")));
        String scoped = f.exchange(revoke[0], revoke[1], null).text("access_token");
        assertTrue(GrantFixture.claims(scoped).get("aud").toString().contains("resource-api"),
                "the client's own mappers stay when scopes are cut");
    }

    @Test
    void aKeyTokenCannotManageKeys() {
        String[] key = f.createKey(f.aliceId, "no-minting", Map.of());
        String token = f.exchange(key[0], key[1], null).text("access_token");
        Reply list = f.call("GET", f.base + "/realms/" + f.realmName + "/access-keys", token, null);
        assertEquals(403, list.status(), list.body());
        Reply create = f.call("POST", f.base + "/realms/" + f.realmName + "/access-keys", token, Map.of("name", "minted"));
        assertEquals(403, create.status(), create.body());
    }

    @Test
    void jwtValidatesAgainstTheRealmJwks() throws Exception {
        String[] key = f.createKey(f.aliceId, "jwks", Map.of());
        String token = f.exchange(key[0], key[1], null).text("access_token");
        String[] parts = token.split("\\.");
        JsonNode header = GrantFixture.claims("x." + parts[0]);
        JsonNode jwks = f.call("GET", f.base + "/realms/" + f.realmName + "/protocol/openid-connect/certs", null, null).json();
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
        JsonNode claims = GrantFixture.claims(token);
        assertEquals(f.base + "/realms/" + f.realmName, claims.get("iss").asText());
        assertTrue(claims.get("exp").asLong() > System.currentTimeMillis() / 1000);
    }

    @Test
    void policyLifespanSetsExpiresIn() {
        assertEquals(200, f.adminCall("PUT", "/policy", Map.of("maxKeysPerUser", 50, "accessTokenLifespanSeconds", 120)).status());
        try {
            String[] key = f.createKey(f.aliceId, "lifespan", Map.of());
            Reply reply = f.exchange(key[0], key[1], null);
            int expiresIn = reply.json().get("expires_in").asInt();
            assertTrue(expiresIn > 100 && expiresIn <= 120, "expires_in " + expiresIn);
            JsonNode claims = GrantFixture.claims(reply.text("access_token"));
            assertEquals(120, claims.get("exp").asLong() - claims.get("iat").asLong());
        } finally {
            f.adminCall("PUT", "/policy", Map.of("maxKeysPerUser", 50));
        }
    }

    @Test
    void eventsCarryTheKeyIdAndNeverTheSecret() {
        String[] key = f.createKey(f.aliceId, "events", Map.of());
        f.exchange(key[0], key[1], null);
        f.exchange(key[0], "aks_wrong", null);
        List<EventRepresentation> events = f.realm.getEvents();
        List<EventRepresentation> mine = events.stream()
                .filter(e -> e.getDetails() != null && key[0].equals(e.getDetails().get("access_key_id"))).toList();
        assertTrue(mine.stream().anyMatch(e -> "LOGIN".equals(e.getType())), events.toString());
        EventRepresentation error = mine.stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).findFirst().orElseThrow();
        assertEquals(GrantFixture.GRANT, error.getDetails().get("grant_type"));
        assertEquals("machine", error.getClientId());
        for (EventRepresentation e : mine) {
            assertFalse(e.toString().contains(key[1]) || String.valueOf(e.getDetails()).contains(key[1]));
        }
    }

    @Test
    void repeatedFailuresLockOneKeyButNotTheOwnersOtherKeys() {
        String erin = f.user("erin", "reader");
        String[] key = f.createKey(erin, "locked", Map.of());
        String[] other = f.createKey(erin, "unlocked", Map.of());
        for (int i = 0; i < 10; i++) {
            assertInvalid(f.exchange(key[0], "aks_wrong" + i, null));
        }
        assertInvalid(f.exchange(key[0], key[1], null));
        assertEquals(200, f.exchange(other[0], other[1], null).status());
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "app-pw", "client_secret", "app-pw-secret",
                "username", other[0], "password", key[1]);
        assertEquals(400, f.post(f.tokenUrl(), form, null).status());
    }

    @Test
    void appPasswordPathIssuesALimitedToken() {
        String[] key = f.createKey(f.aliceId, "app-password", Map.of("scopes", List.of("profile", "roles"), "roles", List.of("reader")));
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "app-pw", "client_secret", "app-pw-secret",
                "username", key[0], "password", key[1]);
        Reply reply = f.post(f.tokenUrl(), form, null);
        assertEquals(200, reply.status(), reply.body());
        JsonNode claims = GrantFixture.claims(reply.text("access_token"));
        assertEquals(f.aliceId, claims.get("sub").asText());
        assertEquals(key[0], claims.get("access_key_id").asText());
        Set<String> realmRoles = new HashSet<>();
        claims.get("realm_access").get("roles").forEach(r -> realmRoles.add(r.asText()));
        assertEquals(Set.of("reader"), realmRoles);
        assertTrue(Set.of("profile", "roles").containsAll(scopes(claims.get("scope").asText())), claims.get("scope").asText());

        Map<String, String> wrong = Map.of("grant_type", "password", "client_id", "app-pw", "client_secret", "app-pw-secret",
                "username", key[0], "password", key[1] + "x");
        Reply bad = f.post(f.tokenUrl(), wrong, null);
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid_grant", bad.text("error"));
        assertEquals(INVALID, bad.text("error_description"));

        Map<String, String> aliceByPassword = Map.of("grant_type", "password", "client_id", "app-pw", "client_secret", "app-pw-secret",
                "username", "alice", "password", "password");
        assertEquals(400, f.post(f.tokenUrl(), aliceByPassword, null).status(), "the flow takes keys only");
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
