package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.Map;

import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.AccessKeysApi;

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

    /** This test's view of the realm (no state kept between tests). */
    private AccessKeysApi f;

    @BeforeEach
    void api() {
        f = new AccessKeysApi(urls.getBase(), admin, managedRealm.getName());
    }

    private String account() {
        return "/realms/" + f.realm() + "/account/";
    }

    private void assertProfileUnchangedBy(String token) {
        String before = f.realmAdmin().users().get(alice(f)).toRepresentation().getFirstName();
        Reply read = f.http().get(account(), token);
        AdminApiIT.assertDenied(read);
        Reply write = f.http().json("POST", account(), token, Map.of("username", "alice", "firstName", "Mallory",
                "lastName", "Doe", "email", "alice@example.org"));
        AdminApiIT.assertDenied(write);
        String after = f.realmAdmin().users().get(alice(f)).toRepresentation().getFirstName();
        assertEquals(before, after);
        assertNotEquals("Mallory", after);
    }

    @Test
    void aKeyLimitedToARealmRoleCannotUseTheAccountApi() {
        assertProfileUnchangedBy(tokenOf(f, alice(f), fields("roles", List.of("reader"))));
    }

    @Test
    void aKeyLimitedToTheProfileScopeCannotUseTheAccountApi() {
        assertProfileUnchangedBy(tokenOf(f, alice(f), fields("scopes", List.of("profile"))));
    }

    @Test
    void aKeyWithNoRolesCannotUseTheAccountApi() {
        assertProfileUnchangedBy(tokenOf(f, alice(f), fields("roles", List.of())));
    }

    @Test
    void aKeyThatCarriesTheAccountRolesMayUseItAsTheKeyAllows() {
        // the key names the account roles: then, and only then, the token may read the profile
        String token = tokenOf(f, alice(f), fields("roles", List.of("account/view-profile")));
        Reply read = f.http().get(account(), token);
        assertEquals(200, read.status(), read.body());
        Reply write = f.http().json("POST", account(), token, Map.of("username", "alice", "firstName", "Mallory"));
        AdminApiIT.assertDenied(write);
    }
}
