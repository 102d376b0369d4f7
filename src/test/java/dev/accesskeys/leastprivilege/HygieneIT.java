package dev.accesskeys.leastprivilege;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static dev.accesskeys.leastprivilege.Cast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Caps and hygiene: answers that carry a secret are never cached, the policy cannot make tokens long-lived, nobody
 * can grow the key table without bound, a stranger who knows a key ID cannot lock the owner out, and Keycloak's
 * client policies apply to the grant.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class HygieneIT {

    @InjectRealm(config = HygieneRealmConfig.class)
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

    @Test
    void answersThatCarryASecretAreNeverCached() throws Exception {
        Map<String, Object> body = Map.of("userId", alice(f), "name", "no-store-" + System.nanoTime());
        Reply created = f.admin("POST", "", body);
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control"));
        assertEquals("no-cache", created.header("Pragma"));
        String id = f.admin("GET", "?userId=" + alice(f), null).json().get(0).get("id").asText();
        Reply rotated = f.admin("POST", "/" + id + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        assertEquals("no-store", rotated.header("Cache-Control"));
        assertEquals("no-cache", rotated.header("Pragma"));
    }

    @Test
    void thePolicyCannotMakeKeyTokensLongLived() {
        Reply refused = f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50, "accessTokenLifespanSeconds", 86_401));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_request", refused.text("error"));
        assertTrue(refused.text("error_description").contains("accessTokenLifespanSeconds"), refused.body());
        Reply year = f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50, "accessTokenLifespanSeconds", 31_536_000));
        assertEquals(400, year.status(), year.body());
        Reply day = f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50, "accessTokenLifespanSeconds", 86_400));
        assertEquals(200, day.status(), day.body());
        f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50));
    }

    @Test
    void revokedKeysCountTowardAHardCapSoTheTableCannotGrowWithoutBound() {
        String userId = f.userWithRealmRoles("looper-" + System.nanoTime());
        Reply policy = f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 1));
        assertEquals(200, policy.status(), policy.body());
        try {
            for (int i = 0; i < 10; i++) {
                Key key = f.createKey(userId, "loop-" + i, Map.of());
                assertEquals(200, f.admin("POST", "/" + key.id() + "/revoke", null).status());
            }
            Reply refused = f.admin("POST", "", Map.of("userId", userId, "name", "one-too-many"));
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.text("error_description").contains("revoked"), refused.body());
            // deleting a revoked key makes room again
            String revoked = f.admin("GET", "?userId=" + userId, null).json().get(0).get("id").asText();
            assertEquals(204, f.admin("DELETE", "/" + revoked, null).status());
            assertEquals(201, f.admin("POST", "", Map.of("userId", userId, "name", "room-again")).status());
        } finally {
            f.admin("PUT", "/policy", Map.of("maxKeysPerUser", 50));
        }
    }

    @Test
    void aStrangersFailuresFromAnotherAddressNeverLockOutTheOwner() throws Exception {
        Key key = f.createKey(alice(f), "throttled-" + System.nanoTime(), Map.of());
        for (int i = 0; i < 10; i++) {
            assertEquals(400, exchangeFrom("127.0.0.2", key.id(), "aks_wrong" + i));
        }
        // the stranger's address is locked out, even with the right secret
        assertEquals(400, exchangeFrom("127.0.0.2", key.id(), key.secret()));
        // the owner's correct secret from the owner's own address works
        Reply owner = f.exchange(key.id(), key.secret(), null);
        assertEquals(200, owner.status(), owner.body());
        assertEquals(200, exchangeFrom("127.0.0.3", key.id(), key.secret()));
    }

    /** The grant sent from a given loopback source address (a raw HTTP/1.1 request on a socket bound to it). */
    private int exchangeFrom(String sourceAddress, String keyId, String secret) throws Exception {
        URI token = URI.create(f.http().base() + f.tokenPath());
        String form = "grant_type=" + URLEncoder.encode(AccessKeys.GRANT_TYPE, StandardCharsets.UTF_8)
                + "&client_id=machine&client_secret=machine-secret&key_id=" + URLEncoder.encode(keyId, StandardCharsets.UTF_8)
                + "&key_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        byte[] payload = form.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", token.getPort()), 5000);
            socket.setSoTimeout(15000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + token.getRawPath() + " HTTP/1.1\r\nHost: localhost:" + token.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + payload.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String status = answer.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void theGrantRunsKeycloaksClientPolicies() {
        Key key = f.createKey(alice(f), "policy-" + System.nanoTime(), Map.of());
        assertEquals(200, f.exchange(key.id(), key.secret(), null).status());
        String realmPath = "/admin/realms/" + f.realm();
        String admin = f.adminToken();
        Reply profiles = f.http().json("PUT", realmPath + "/client-policies/profiles", admin, Map.of("profiles", List.of(Map.of(
                "name", "holder-of-key", "executors", List.of(Map.of("executor", "holder-of-key-enforcer",
                        "configuration", Map.of("auto-configure", "false")))))));
        assertEquals(204, profiles.status(), profiles.body());
        Reply policies = f.http().json("PUT", realmPath + "/client-policies/policies", admin, Map.of("policies", List.of(Map.of(
                "name", "every-client-holder-of-key", "enabled", true,
                "conditions", List.of(Map.of("condition", "any-client", "configuration", Map.of())),
                "profiles", List.of("holder-of-key")))));
        assertEquals(204, policies.status(), policies.body());
        try {
            Reply refused = f.exchange(key.id(), key.secret(), null);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("invalid_request", refused.text("error"));
            assertTrue(refused.text("error_description").contains("MTLS HoK"), refused.body());
        } finally {
            f.http().json("PUT", realmPath + "/client-policies/policies", admin, Map.of("policies", List.of()));
        }
        assertEquals(200, f.exchange(key.id(), key.secret(), null).status());
    }
}
