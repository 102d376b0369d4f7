package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.Map;

import dev.accesskeys.grant.GrantFixture.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static dev.accesskeys.leastprivilege.KeyTokenFixture.limits;
import static dev.accesskeys.leastprivilege.KeyTokenFixture.list;
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

    private static KeyTokenFixture fixture;
    private KeyTokenFixture f;

    @BeforeEach
    void setUp() {
        if (fixture == null || !fixture.realm().equals(managedRealm.getName())) {
            fixture = KeyTokenFixture.create(urls.getBase(), managedRealm.getName(), admin);
        }
        f = fixture;
    }

    private String users() {
        return "/admin/realms/" + f.realm() + "/users";
    }

    private static Map<String, Object> newUser() {
        return Map.of("username", "made-" + System.nanoTime(), "enabled", true);
    }

    @Test
    void theAdminsOwnTokenIsFullAdminSoTheRefusalsBelowComeFromTheKey() {
        String password = f.passwordToken("root");
        assertEquals(200, f.get(users(), password).status());
        assertEquals(201, f.send("POST", users(), password, newUser()).status());
    }

    @Test
    void anAdminsKeyWithNoRolesCanNeitherListNorCreateUsers() {
        String token = f.tokenAt(KeyTokenFixture.SCOPED, f.rootId, limits("roles", List.of()));
        assertDenied(f.get(users(), token));
        assertDenied(f.send("POST", users(), token, newUser()));
        assertDenied(f.get("/admin/realms/" + f.realm() + "/clients", token));
    }

    @Test
    void anAdminsKeyLimitedToTheProfileScopeHasNoAdminPower() {
        // no roles scope: the token carries no role claims; Keycloak must not take them from the admin's mappings
        String token = f.tokenAt(KeyTokenFixture.SCOPED, f.rootId, limits("scopes", list("profile")));
        assertDenied(f.get(users(), token));
        assertDenied(f.send("POST", users(), token, newUser()));
    }

    @Test
    void anAdminsKeyWithARealmRoleOnlyHasNoAdminPower() {
        String token = f.tokenAt(KeyTokenFixture.SCOPED, f.rootId, limits("roles", list("reader")));
        assertEquals("[\"reader\"]", dev.accesskeys.grant.GrantFixture.claims(token).path("realm_access").path("roles").toString());
        assertDenied(f.get(users(), token));
        assertDenied(f.send("POST", users(), token, newUser()));
    }

    @Test
    void aKeyWithViewUsersListsUsersButCannotCreateOne() {
        String token = f.tokenAt(KeyTokenFixture.ADMIN_READER, f.rootId,
                limits("roles", list("realm-management/view-users", "realm-management/query-users")));
        Reply listed = f.get(users(), token);
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.json().isArray() && listed.json().size() > 0);
        assertDenied(f.send("POST", users(), token, newUser()));
        assertDenied(f.get("/admin/realms/" + f.realm() + "/clients", token));
    }

    @Test
    void anAdminsLimitedKeyIsRefusedWhereTheClientsScopeWouldGiveTheAdminRolesBack() {
        // Keycloak's admin API counts the owner's roles that the client has in scope, whatever the token carries: a
        // full-scope client would hand a limited key of an admin the admin's power, so the key is refused there
        for (Map<String, Object> limits : List.of(limits("roles", List.of()), limits("scopes", list("profile")),
                limits("roles", list("reader")), limits("roles", list("realm-management/view-users")))) {
            String[] key = f.grant.createKey(f.rootId, "limited-" + System.nanoTime(), limits);
            Reply reply = f.grant.exchange(key[0], key[1], null);
            assertEquals(400, reply.status(), limits + ": " + reply.body());
            assertEquals("unauthorized_client", reply.text("error"), reply.body());
            assertTrue(reply.text("error_description").contains("realm-management/"), reply.body());
        }
        // a key that allows all the admin's roles is the admin's own choice, as a password would be
        String[] full = f.grant.createKey(f.rootId, "full-" + System.nanoTime(), Map.of());
        String token = f.exchange(full, null);
        assertEquals(200, f.get(users(), token).status());
    }

    @Test
    void keysAreRefusedAtClientsThatIssueLightweightTokens() {
        // admin-cli and security-admin-console issue lightweight tokens, whose roles Keycloak re-reads from the user
        for (String clientId : List.of("admin-cli", "security-admin-console")) {
            ClientRepresentation client = f.grant.realm.clients().findByClientId(clientId).get(0);
            client.getAttributes().put("access.key.grant.enabled", "true");
            f.grant.realm.clients().get(client.getId()).update(client);
        }
        String[] key = f.grant.createKey(f.rootId, "lightweight", Map.of("roles", List.of()));
        for (String clientId : List.of("admin-cli", "security-admin-console")) {
            Reply reply = f.grant.exchange(clientId, null, key[0], key[1], null);
            assertEquals(400, reply.status(), reply.body());
            assertEquals("unauthorized_client", reply.text("error"));
        }
        // the same holds for any client switched to lightweight tokens
        ClientRepresentation other = f.grant.realm.clients().findByClientId("other").get(0);
        other.getAttributes().put("client.use.lightweight.access.token.enabled", "true");
        f.grant.realm.clients().get(other.getId()).update(other);
        Reply reply = f.grant.exchange("other", "other-secret", key[0], key[1], null);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("unauthorized_client", reply.text("error"));
    }

    @Test
    void aKeyWithoutRolesCannotRegisterClients() {
        String token = f.tokenAt(KeyTokenFixture.SCOPED, f.rootId, limits("roles", List.of()));
        String clientId = "registered-" + System.nanoTime();
        Reply reply = f.send("POST", "/realms/" + f.realm() + "/clients-registrations/default", token, Map.of("clientId", clientId));
        assertDenied(reply);
        assertTrue(f.grant.realm.clients().findByClientId(clientId).isEmpty());
    }

    static void assertDenied(Reply reply) {
        assertTrue(reply.status() == 401 || reply.status() == 403, "expected 401/403, got " + reply.status() + " " + reply.body());
    }
}
