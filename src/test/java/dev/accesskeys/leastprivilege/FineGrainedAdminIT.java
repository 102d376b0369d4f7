package dev.accesskeys.leastprivilege;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import dev.accesskeys.grant.GrantFixture.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fine-grained admin permissions (v2): an admin allowed to view, manage and impersonate the members of one group
 * manages exactly that group's users' keys through the extension's admin API, and nobody else's.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class FineGrainedAdminIT {

    @InjectRealm(config = FineGrainedRealmConfig.class)
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

    private String groupLead() {
        String lead = f.grant.user("lead-" + System.nanoTime());
        dev.accesskeys.support.TestUsers.grantRealmManagementRoles(f.grant.realm, lead, "query-users");
        String admin = f.grant.admin.tokenManager().getAccessTokenString();
        String realmPath = "/admin/realms/" + f.realm();
        Reply group = f.send("POST", realmPath + "/groups", admin, Map.of("name", "team-" + System.nanoTime()));
        assertEquals(201, group.status(), group.body());
        String groupId = f.get(realmPath + "/groups?briefRepresentation=true", admin).json().findValues("id").stream()
                .map(n -> n.asText()).filter(id -> f.get(realmPath + "/groups/" + id, admin).text("name").startsWith("team-"))
                .findFirst().orElseThrow();
        assertEquals(204, f.send("PUT", realmPath + "/users/" + f.grant.aliceId + "/groups/" + groupId, admin, null).status());
        String permissionsClient = f.grant.realm.clients().findByClientId("admin-permissions").get(0).getId();
        String authz = realmPath + "/clients/" + permissionsClient + "/authz/resource-server";
        Reply policy = f.send("POST", authz + "/policy/user", admin, Map.of("name", "lead-" + System.nanoTime(),
                "users", List.of(lead), "logic", "POSITIVE"));
        assertEquals(201, policy.status(), policy.body());
        Reply permission = f.send("POST", authz + "/permission/scope", admin, Map.of("name", "lead-team-" + System.nanoTime(),
                "resourceType", "Groups", "resources", List.of(groupId),
                "scopes", List.of("view-members", "manage-members", "impersonate-members"),
                "policies", List.of(policy.text("id")), "decisionStrategy", "UNANIMOUS"));
        assertEquals(201, permission.status(), permission.body());
        return f.grant.realm.users().get(lead).toRepresentation().getUsername();
    }

    private Reply adminApi(String admin, String method, String path, Object body) {
        return f.send(method, "/admin/realms/" + f.realm() + "/access-keys" + path, f.passwordToken(admin), body);
    }

    @Test
    void aGroupScopedAdminManagesExactlyTheGroupsKeys() {
        String[] alices = f.grant.createKey(f.grant.aliceId, "team key " + System.nanoTime(), Map.of());
        String[] bobs = f.grant.createKey(f.grant.bobId, "outside key " + System.nanoTime(), Map.of());
        String lead = groupLead();

        Reply listed = adminApi(lead, "GET", "", null);
        assertEquals(200, listed.status(), listed.body());
        Set<String> owners = new HashSet<>();
        listed.json().forEach(k -> owners.add(k.get("userId").asText()));
        assertEquals(Set.of(f.grant.aliceId), owners, listed.body());

        assertEquals(200, adminApi(lead, "GET", "/" + alices[0], null).status());
        assertEquals(403, adminApi(lead, "GET", "/" + bobs[0], null).status());
        assertEquals(200, adminApi(lead, "PATCH", "/" + alices[0], Map.of("description", "seen by the lead")).status());
        assertEquals(403, adminApi(lead, "PATCH", "/" + bobs[0], Map.of("description", "not mine")).status());
        assertEquals(201, adminApi(lead, "POST", "", Map.of("userId", f.grant.aliceId, "name", "lead made " + System.nanoTime())).status());
        assertEquals(403, adminApi(lead, "POST", "", Map.of("userId", f.grant.bobId, "name", "lead made " + System.nanoTime())).status());
        assertEquals(200, adminApi(lead, "POST", "/" + alices[0] + "/rotate", null).status());
        assertEquals(403, adminApi(lead, "POST", "/" + bobs[0] + "/revoke", null).status());
        assertEquals(200, adminApi(lead, "POST", "/" + alices[0] + "/revoke", null).status());
        assertEquals(200, f.grant.exchange(bobs[0], bobs[1], null).status(), "bob's key untouched");
        assertTrue(adminApi(lead, "GET", "?userId=" + f.grant.bobId, null).json().isEmpty());
    }
}
