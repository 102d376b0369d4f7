package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;

import dev.accesskeys.support.Http.Reply;
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

    /** This test's view of the realm (no state kept between tests). */
    private AccessKeysApi f;

    @BeforeEach
    void api() {
        f = new AccessKeysApi(urls.getBase(), admin, managedRealm.getName());
    }

    private Reply adminApi(String admin, String method, String path, Object body) {
        return f.http().json(method, f.adminPath() + path, login(f, admin), body);
    }

    private Reply createFor(String admin, String userId) {
        return adminApi(admin, "POST", "", Map.of("userId", userId, "name", "by-" + admin + "-" + System.nanoTime()));
    }

    @Test
    void manageUsersWithoutImpersonationCannotCreateAKeyForARealmAdminOrAnyoneElse() {
        Reply forRoot = createFor("helpdesk", root(f));
        assertEquals(403, forRoot.status(), forRoot.body());
        assertEquals("access_denied", forRoot.text("error"));
        Reply forAlice = createFor("helpdesk", alice(f));
        assertEquals(403, forAlice.status(), forAlice.body());
        // nothing was created
        Reply listed = adminApi("helpdesk", "GET", "?userId=" + root(f), null);
        assertEquals(200, listed.status(), listed.body());
        assertTrue(StreamSupport.stream(listed.json().spliterator(), false)
                .noneMatch(k -> k.get("name").asText().startsWith("by-helpdesk")), listed.body());
    }

    @Test
    void anAdminWithImpersonationMayCreateAKeyForARealmAdmin() {
        Reply created = createFor("support", root(f));
        assertEquals(201, created.status(), created.body());
        assertNotNull(created.text("secret"));
        assertEquals(support(f), created.text("createdBy"));
    }

    @Test
    void manageUsersMayCreateTheirOwnKeyAndChangeOthersKeysButNotRotateThem() {
        assertEquals(201, createFor("helpdesk", helpdesk(f)).status());
        Key key = f.createKey(alice(f), "alice-" + System.nanoTime(), Map.of());
        Reply rotate = adminApi("helpdesk", "POST", "/" + key.id() + "/rotate", null);
        assertEquals(403, rotate.status(), rotate.body());
        // the old secret still works: nothing rotated
        assertEquals(200, f.exchange(key.id(), key.secret(), null).status());
        Reply patched = adminApi("helpdesk", "PATCH", "/" + key.id(), Map.of("description", "seen by helpdesk"));
        assertEquals(200, patched.status(), patched.body());
        Reply rotatedBySupport = adminApi("support", "POST", "/" + key.id() + "/rotate", null);
        assertEquals(200, rotatedBySupport.status(), rotatedBySupport.body());
        assertNotNull(rotatedBySupport.text("secret"));
    }

    @Test
    void viewUsersOnlySeesKeysButCannotChangeThem() {
        String viewerId = f.userWithRealmRoles("viewer-" + System.nanoTime());
        dev.accesskeys.support.TestUsers.grantRealmManagementRoles(f.realmAdmin(), viewerId, "view-users", "query-users");
        String viewer = f.realmAdmin().users().get(viewerId).toRepresentation().getUsername();
        Key key = f.createKey(alice(f), "viewed-" + System.nanoTime(), Map.of());
        Reply one = adminApi(viewer, "GET", "/" + key.id(), null);
        assertEquals(200, one.status(), one.body());
        assertEquals(403, adminApi(viewer, "POST", "/" + key.id() + "/revoke", null).status());
        assertEquals(403, adminApi(viewer, "PATCH", "/" + key.id(), Map.of("enabled", false)).status());
        assertEquals(403, adminApi(viewer, "DELETE", "/" + key.id(), null).status());
        assertEquals(403, createFor(viewer, viewerId).status());
        assertEquals(200, f.exchange(key.id(), key.secret(), null).status(), "the key still works");
    }

    @Test
    void theAdminEventNamesTheAdminAndTheOwner() {
        managedRealm.updateWithCleanup(realm -> realm.adminEventsEnabled(true).adminEventsDetailsEnabled(true));
        Reply created = createFor("support", bob(f));
        assertEquals(201, created.status(), created.body());
        String keyId = created.text("id");
        var events = f.realmAdmin().getAdminEvents(List.of("CREATE"), null, null, null, null, null, null, null, 0, 100);
        var event = events.stream().filter(e -> e.getResourcePath() != null && e.getResourcePath().endsWith(keyId))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event for " + keyId));
        assertEquals(support(f), event.getAuthDetails().getUserId());
        assertEquals(bob(f), event.getDetails().get("userId"));
        assertTrue(event.getRepresentation() == null || !event.getRepresentation().contains(created.text("secret")));
    }

    @Test
    void aKeyCreatedInAnImpersonationSessionRecordsTheImpersonator() throws Exception {
        // support impersonates bob (Keycloak's admin API), then bob's account token of that session creates a key
        String realmPath = "/admin/realms/" + f.realm();
        String admin = f.adminToken();
        Reply client = f.http().json("POST", realmPath + "/clients", admin, Map.of("clientId", "impersonation-login",
                "publicClient", true, "standardFlowEnabled", true, "redirectUris", List.of("http://127.0.0.1/callback")));
        assertEquals(201, client.status(), client.body());
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.net.http.HttpResponse<String> impersonated = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create((f.http().base() + realmPath + "/users/" + bob(f) + "/impersonation")))
                .header("Authorization", "Bearer " + login(f, "support"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, impersonated.statusCode(), impersonated.body());
        // the session cookies Keycloak set for bob's realm (sent as a browser would; they are Secure-flagged)
        String cookies = String.join("; ", impersonated.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).filter(c -> !c.endsWith("=")).toList());
        java.net.http.HttpResponse<String> auth = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create((f.http().base() +
                "/realms/" + f.realm() + "/protocol/openid-connect/auth?client_id=impersonation-login&response_type=code"
                        + "&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback"))).header("Cookie", cookies).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String location = auth.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("http://127.0.0.1/callback") && location.contains("code="),
                auth.statusCode() + " " + location + " cookies " + cookies);
        String code = java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        Reply token = f.http().form(f.tokenPath(), Map.of("grant_type", "authorization_code", "client_id", "impersonation-login",
                "code", code, "redirect_uri", "http://127.0.0.1/callback"));
        assertEquals(200, token.status(), token.body());
        Reply created = f.http().json("POST", f.self(), token.text("access_token"),
                Map.of("name", "made while impersonated " + System.nanoTime()));
        assertEquals(201, created.status(), created.body());
        assertEquals(support(f), created.text("createdBy"), "the impersonating admin is recorded, not bob");
        assertEquals(bob(f), created.text("userId"));
    }
}
