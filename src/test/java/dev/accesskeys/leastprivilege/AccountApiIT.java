package dev.accesskeys.leastprivilege;

import java.util.List;
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

import static dev.accesskeys.leastprivilege.KeyTokenFixture.limits;
import static dev.accesskeys.leastprivilege.KeyTokenFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Keycloak's account REST API from the side of someone holding alice's key token: without the account roles in the
 * key, the token can neither read nor change her profile.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AccountApiIT {

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

    private String account() {
        return "/realms/" + f.realm() + "/account/";
    }

    private void assertProfileUnchangedBy(String token) {
        String before = f.grant.realm.users().get(f.grant.aliceId).toRepresentation().getFirstName();
        Reply read = f.get(account(), token);
        AdminApiIT.assertDenied(read);
        Reply write = f.send("POST", account(), token, Map.of("username", "alice", "firstName", "Mallory",
                "lastName", "Doe", "email", "alice@example.org"));
        AdminApiIT.assertDenied(write);
        String after = f.grant.realm.users().get(f.grant.aliceId).toRepresentation().getFirstName();
        assertEquals(before, after);
        assertNotEquals("Mallory", after);
    }

    @Test
    void aKeyLimitedToARealmRoleCannotUseTheAccountApi() {
        assertProfileUnchangedBy(f.tokenOf(f.grant.aliceId, limits("roles", list("reader"))));
    }

    @Test
    void aKeyLimitedToTheProfileScopeCannotUseTheAccountApi() {
        assertProfileUnchangedBy(f.tokenOf(f.grant.aliceId, limits("scopes", list("profile"))));
    }

    @Test
    void aKeyWithNoRolesCannotUseTheAccountApi() {
        assertProfileUnchangedBy(f.tokenOf(f.grant.aliceId, limits("roles", List.of())));
    }

    @Test
    void aKeyThatCarriesTheAccountRolesMayUseItAsTheKeyAllows() {
        // the key names the account roles: then, and only then, the token may read the profile
        String token = f.tokenOf(f.grant.aliceId, limits("roles", list("account/view-profile")));
        Reply read = f.get(account(), token);
        assertEquals(200, read.status(), read.body());
        Reply write = f.send("POST", account(), token, Map.of("username", "alice", "firstName", "Mallory"));
        AdminApiIT.assertDenied(write);
    }
}
