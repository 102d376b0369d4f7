package dev.accesskeys.leastprivilege;

import dev.accesskeys.AccessKeys;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.GrantClients;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static dev.accesskeys.support.AccessKeysApi.fields;
import static dev.accesskeys.leastprivilege.Cast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak's admin REST API and client-registration API, from the side of someone holding a realm admin's key
 * token: the token acts with exactly the key's roles, never with the admin's.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AdminApiIT {

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

    private String users() {
        return "/admin/realms/" + f.realm() + "/users";
    }

    private static Map<String, Object> newUser() {
        return Map.of("username", "made-" + System.nanoTime(), "enabled", true);
    }

    @Test
    void theAdminsOwnTokenIsFullAdminSoTheRefusalsBelowComeFromTheKey() {
        String password = login(f, "root");
        assertEquals(200, f.http().get(users(), password).status());
        assertEquals(201, f.http().json("POST", users(), password, newUser()).status());
    }

    @Test
    void anAdminsKeyWithNoRolesCanNeitherListNorCreateUsers() {
        String token = tokenAt(f, GrantClients.SCOPED, root(f), fields("roles", List.of()));
        assertDenied(f.http().get(users(), token));
        assertDenied(f.http().json("POST", users(), token, newUser()));
        assertDenied(f.http().get("/admin/realms/" + f.realm() + "/clients", token));
    }

    @Test
    void anAdminsKeyLimitedToTheProfileScopeHasNoAdminPower() {
        // no roles scope: the token carries no role claims; Keycloak must not take them from the admin's mappings
        String token = tokenAt(f, GrantClients.SCOPED, root(f), fields("scopes", List.of("profile")));
        assertDenied(f.http().get(users(), token));
        assertDenied(f.http().json("POST", users(), token, newUser()));
    }

    @Test
    void anAdminsKeyWithARealmRoleOnlyHasNoAdminPower() {
        String token = tokenAt(f, GrantClients.SCOPED, root(f), fields("roles", List.of("reader")));
        assertEquals("[\"reader\"]", AccessKeysApi.claims(token).path("realm_access").path("roles").toString());
        assertDenied(f.http().get(users(), token));
        assertDenied(f.http().json("POST", users(), token, newUser()));
    }

    @Test
    void aKeyWithViewUsersListsUsersButCannotCreateOne() {
        String token = tokenAt(f, GrantClients.ADMIN_READER, root(f),
                fields("roles", List.of("realm-management/view-users", "realm-management/query-users")));
        Reply listed = f.http().get(users(), token);
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.json().isArray() && listed.json().size() > 0);
        assertDenied(f.http().json("POST", users(), token, newUser()));
        assertDenied(f.http().get("/admin/realms/" + f.realm() + "/clients", token));
    }

    @Test
    void anAdminsLimitedKeyIsRefusedWhereTheClientsScopeWouldGiveTheAdminRolesBack() {
        // Keycloak's admin API counts the owner's roles that the client has in scope, whatever the token carries: a
        // full-scope client would hand a limited key of an admin the admin's power, so the key is refused there
        for (Map<String, Object> limits : List.of(fields("roles", List.of()), fields("scopes", List.of("profile")),
                fields("roles", List.of("reader")), fields("roles", List.of("realm-management/view-users")))) {
            Key key = f.createKey(root(f), "limited-" + System.nanoTime(), limits);
            Reply reply = f.exchange(key.id(), key.secret(), null);
            assertEquals(400, reply.status(), limits + ": " + reply.body());
            assertEquals("unauthorized_client", reply.text("error"), reply.body());
            assertTrue(reply.text("error_description").contains("realm-management/"), reply.body());
        }
        // a key that allows all the admin's roles is the admin's own choice, as a password would be
        Key full = f.createKey(root(f), "full-" + System.nanoTime(), Map.of());
        String token = f.tokenOf(full, null);
        assertEquals(200, f.http().get(users(), token).status());
    }

    @Test
    void keysAreRefusedAtClientsThatIssueLightweightTokens() {
        // admin-cli and security-admin-console issue lightweight tokens, whose roles Keycloak re-reads from the user
        // (changed for this test only: the test framework restores the clients afterwards)
        for (String clientId : List.of("admin-cli", "security-admin-console")) {
            managedRealm.updateClientWithCleanup(clientId, client -> client.attribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"));
        }
        Key key = f.createKey(root(f), "lightweight", Map.of("roles", List.of()));
        for (String clientId : List.of("admin-cli", "security-admin-console")) {
            Reply reply = f.exchange(clientId, null, key.id(), key.secret(), null);
            assertEquals(400, reply.status(), reply.body());
            assertEquals("unauthorized_client", reply.text("error"));
        }
        // the same holds for any client switched to lightweight tokens
        managedRealm.updateClientWithCleanup("other", client -> client.attribute("client.use.lightweight.access.token.enabled", "true"));
        Reply reply = f.exchange("other", "other-secret", key.id(), key.secret(), null);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("unauthorized_client", reply.text("error"));
    }

    @Test
    void aKeyWithoutRolesCannotRegisterClients() {
        String token = tokenAt(f, GrantClients.SCOPED, root(f), fields("roles", List.of()));
        String clientId = "registered-" + System.nanoTime();
        Reply reply = f.http().json("POST", "/realms/" + f.realm() + "/clients-registrations/default", token, Map.of("clientId", clientId));
        assertDenied(reply);
        assertTrue(f.realmAdmin().clients().findByClientId(clientId).isEmpty());
    }

    static void assertDenied(Reply reply) {
        assertTrue(reply.status() == 401 || reply.status() == 403, "expected 401/403, got " + reply.status() + " " + reply.body());
    }
}
