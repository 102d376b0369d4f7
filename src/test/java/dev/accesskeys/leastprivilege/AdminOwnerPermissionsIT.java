package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;

import dev.accesskeys.grant.GrantFixture.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension's admin API follows Keycloak's per-user permissions: an admin may create or rotate a key of another
 * user only with permission to impersonate that user (a key's secret acts as its owner); reading needs view and
 * changing manage of the owner; every change is an admin event naming the admin and the owner.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AdminOwnerPermissionsIT {

    @InjectRealm(config = LeastPrivilegeRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static KeyTokenFixture fixture;
    private KeyTokenFixture f;

    @BeforeEach
    void setUp() {
        if (fixture == null || !fixture.realm().equals(managedRealm.getName())) {
            fixture = KeyTokenFixture.create(urls.getBase(), managedRealm.getName(), admin);
        }
        f = fixture;
    }

    private Reply adminApi(String admin, String method, String path, Object body) {
        return f.send(method, "/admin/realms/" + f.realm() + "/access-keys" + path, f.passwordToken(admin), body);
    }

    private Reply createFor(String admin, String userId) {
        return adminApi(admin, "POST", "", Map.of("userId", userId, "name", "by-" + admin + "-" + System.nanoTime()));
    }

    @Test
    void manageUsersWithoutImpersonationCannotCreateAKeyForARealmAdminOrAnyoneElse() {
        Reply forRoot = createFor("helpdesk", f.rootId);
        assertEquals(403, forRoot.status(), forRoot.body());
        assertEquals("access_denied", forRoot.text("error"));
        Reply forAlice = createFor("helpdesk", f.grant.aliceId);
        assertEquals(403, forAlice.status(), forAlice.body());
        // nothing was created
        Reply listed = adminApi("helpdesk", "GET", "?userId=" + f.rootId, null);
        assertEquals(200, listed.status(), listed.body());
        assertTrue(StreamSupport.stream(listed.json().spliterator(), false)
                .noneMatch(k -> k.get("name").asText().startsWith("by-helpdesk")), listed.body());
    }

    @Test
    void anAdminWithImpersonationMayCreateAKeyForARealmAdmin() {
        Reply created = createFor("support", f.rootId);
        assertEquals(201, created.status(), created.body());
        assertNotNull(created.text("secret"));
        assertEquals(f.supportId, created.text("createdBy"));
    }

    @Test
    void manageUsersMayCreateTheirOwnKeyAndChangeOthersKeysButNotRotateThem() {
        assertEquals(201, createFor("helpdesk", f.helpdeskId).status());
        String[] key = f.grant.createKey(f.grant.aliceId, "alice-" + System.nanoTime(), Map.of());
        Reply rotate = adminApi("helpdesk", "POST", "/" + key[0] + "/rotate", null);
        assertEquals(403, rotate.status(), rotate.body());
        // the old secret still works: nothing rotated
        assertEquals(200, f.grant.exchange(key[0], key[1], null).status());
        Reply patched = adminApi("helpdesk", "PATCH", "/" + key[0], Map.of("description", "seen by helpdesk"));
        assertEquals(200, patched.status(), patched.body());
        Reply rotatedBySupport = adminApi("support", "POST", "/" + key[0] + "/rotate", null);
        assertEquals(200, rotatedBySupport.status(), rotatedBySupport.body());
        assertNotNull(rotatedBySupport.text("secret"));
    }

    @Test
    void viewUsersOnlySeesKeysButCannotChangeThem() {
        String viewerId = f.grant.user("viewer-" + System.nanoTime());
        dev.accesskeys.support.TestUsers.grantRealmManagementRoles(f.grant.realm, viewerId, "view-users", "query-users");
        String viewer = f.grant.realm.users().get(viewerId).toRepresentation().getUsername();
        String[] key = f.grant.createKey(f.grant.aliceId, "viewed-" + System.nanoTime(), Map.of());
        Reply one = adminApi(viewer, "GET", "/" + key[0], null);
        assertEquals(200, one.status(), one.body());
        assertEquals(403, adminApi(viewer, "POST", "/" + key[0] + "/revoke", null).status());
        assertEquals(403, adminApi(viewer, "PATCH", "/" + key[0], Map.of("enabled", false)).status());
        assertEquals(403, adminApi(viewer, "DELETE", "/" + key[0], null).status());
        assertEquals(403, createFor(viewer, viewerId).status());
        assertEquals(200, f.grant.exchange(key[0], key[1], null).status(), "the key still works");
    }

    @Test
    void theAdminEventNamesTheAdminAndTheOwner() {
        RealmRepresentation realm = f.grant.realm.toRepresentation();
        realm.setAdminEventsEnabled(true);
        realm.setAdminEventsDetailsEnabled(true);
        f.grant.realm.update(realm);
        Reply created = createFor("support", f.grant.bobId);
        assertEquals(201, created.status(), created.body());
        String keyId = created.text("id");
        var events = f.grant.realm.getAdminEvents(List.of("CREATE"), null, null, null, null, null, null, null, 0, 100);
        var event = events.stream().filter(e -> e.getResourcePath() != null && e.getResourcePath().endsWith(keyId))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event for " + keyId));
        assertEquals(f.supportId, event.getAuthDetails().getUserId());
        assertEquals(f.grant.bobId, event.getDetails().get("userId"));
        assertTrue(event.getRepresentation() == null || !event.getRepresentation().contains(created.text("secret")));
    }

    @Test
    void aKeyCreatedInAnImpersonationSessionRecordsTheImpersonator() throws Exception {
        // support impersonates bob (Keycloak's admin API), then bob's account token of that session creates a key
        String realmPath = "/admin/realms/" + f.realm();
        String admin = f.grant.admin.tokenManager().getAccessTokenString();
        Reply client = f.send("POST", realmPath + "/clients", admin, Map.of("clientId", "impersonation-login",
                "publicClient", true, "standardFlowEnabled", true, "redirectUris", List.of("http://127.0.0.1/callback")));
        assertEquals(201, client.status(), client.body());
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.net.http.HttpResponse<String> impersonated = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(f.url(realmPath + "/users/" + f.grant.bobId + "/impersonation")))
                .header("Authorization", "Bearer " + f.passwordToken("support"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, impersonated.statusCode(), impersonated.body());
        // the session cookies Keycloak set for bob's realm (sent as a browser would; they are Secure-flagged)
        String cookies = String.join("; ", impersonated.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).filter(c -> !c.endsWith("=")).toList());
        java.net.http.HttpResponse<String> auth = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url(
                "/realms/" + f.realm() + "/protocol/openid-connect/auth?client_id=impersonation-login&response_type=code"
                        + "&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback"))).header("Cookie", cookies).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String location = auth.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("http://127.0.0.1/callback") && location.contains("code="),
                auth.statusCode() + " " + location + " cookies " + cookies);
        String code = java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        Reply token = f.grant.post(f.grant.tokenUrl(), Map.of("grant_type", "authorization_code", "client_id", "impersonation-login",
                "code", code, "redirect_uri", "http://127.0.0.1/callback"), null);
        assertEquals(200, token.status(), token.body());
        Reply created = f.send("POST", "/realms/" + f.realm() + "/access-keys", token.text("access_token"),
                Map.of("name", "made while impersonated " + System.nanoTime()));
        assertEquals(201, created.status(), created.body());
        assertEquals(f.supportId, created.text("createdBy"), "the impersonating admin is recorded, not bob");
        assertEquals(f.grant.bobId, created.text("userId"));
    }
}
