package dev.accesskeys.leastprivilege;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** This test's view of the realm (no state kept between tests). */
    private AccessKeysApi f;

    @BeforeEach
    void api() {
        f = new AccessKeysApi(urls.getBase(), admin, managedRealm.getName());
    }

    private String groupLead() {
        String lead = f.userWithRealmRoles("lead-" + System.nanoTime());
        dev.accesskeys.support.TestUsers.grantRealmManagementRoles(f.realmAdmin(), lead, "query-users");
        String admin = f.adminToken();
        String realmPath = "/admin/realms/" + f.realm();
        Reply group = f.http().json("POST", realmPath + "/groups", admin, Map.of("name", "team-" + System.nanoTime()));
        assertEquals(201, group.status(), group.body());
        String groupId = f.http().get(realmPath + "/groups?briefRepresentation=true", admin).json().findValues("id").stream()
                .map(n -> n.asText()).filter(id -> f.http().get(realmPath + "/groups/" + id, admin).text("name").startsWith("team-"))
                .findFirst().orElseThrow();
        assertEquals(204, f.http().json("PUT", realmPath + "/users/" + alice(f) + "/groups/" + groupId, admin, null).status());
        String permissionsClient = f.realmAdmin().clients().findByClientId("admin-permissions").get(0).getId();
        String authz = realmPath + "/clients/" + permissionsClient + "/authz/resource-server";
        Reply policy = f.http().json("POST", authz + "/policy/user", admin, Map.of("name", "lead-" + System.nanoTime(),
                "users", List.of(lead), "logic", "POSITIVE"));
        assertEquals(201, policy.status(), policy.body());
        Reply permission = f.http().json("POST", authz + "/permission/scope", admin, Map.of("name", "lead-team-" + System.nanoTime(),
                "resourceType", "Groups", "resources", List.of(groupId),
                "scopes", List.of("view-members", "manage-members", "impersonate-members"),
                "policies", List.of(policy.text("id")), "decisionStrategy", "UNANIMOUS"));
        assertEquals(201, permission.status(), permission.body());
        return f.realmAdmin().users().get(lead).toRepresentation().getUsername();
    }

    private Reply adminApi(String admin, String method, String path, Object body) {
        return f.http().json(method, f.adminPath() + path, login(f, admin), body);
    }

    @Test
    void aGroupScopedAdminManagesExactlyTheGroupsKeys() {
        Key alices = f.createKey(alice(f), "team key " + System.nanoTime(), Map.of());
        Key bobs = f.createKey(bob(f), "outside key " + System.nanoTime(), Map.of());
        String lead = groupLead();

        Reply listed = adminApi(lead, "GET", "", null);
        assertEquals(200, listed.status(), listed.body());
        Set<String> owners = new HashSet<>();
        listed.json().forEach(k -> owners.add(k.get("userId").asText()));
        assertEquals(Set.of(alice(f)), owners, listed.body());

        assertEquals(200, adminApi(lead, "GET", "/" + alices.id(), null).status());
        assertEquals(403, adminApi(lead, "GET", "/" + bobs.id(), null).status());
        assertEquals(200, adminApi(lead, "PATCH", "/" + alices.id(), Map.of("description", "seen by the lead")).status());
        assertEquals(403, adminApi(lead, "PATCH", "/" + bobs.id(), Map.of("description", "not mine")).status());
        assertEquals(201, adminApi(lead, "POST", "", Map.of("userId", alice(f), "name", "lead made " + System.nanoTime())).status());
        assertEquals(403, adminApi(lead, "POST", "", Map.of("userId", bob(f), "name", "lead made " + System.nanoTime())).status());
        assertEquals(200, adminApi(lead, "POST", "/" + alices.id() + "/rotate", null).status());
        assertEquals(403, adminApi(lead, "POST", "/" + bobs.id() + "/revoke", null).status());
        assertEquals(200, adminApi(lead, "POST", "/" + alices.id() + "/revoke", null).status());
        assertEquals(200, f.exchange(bobs.id(), bobs.secret(), null).status(), "bob's key untouched");
        assertTrue(adminApi(lead, "GET", "?userId=" + bob(f), null).json().isEmpty());
    }
}
