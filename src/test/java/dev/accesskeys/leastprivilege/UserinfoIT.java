package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.grant.GrantFixture;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak's userinfo endpoint with a key's token: only the claims of the key's scopes, even where the client's
 * default scopes would add more, and nothing once the key stops.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class UserinfoIT {

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

    @Test
    void aKeyWithoutScopeLimitGetsTheUsualClaims() {
        String token = f.exchange(f.grant.createKey(f.grant.aliceId, "all-scopes", Map.of()), "openid");
        Reply reply = f.userinfo(token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("alice@example.org", reply.text("email"));
        assertEquals("alice", reply.text("preferred_username"));
    }

    @Test
    void aKeyLimitedToTheProfileScopeGetsNoEmail() {
        String token = f.exchange(f.grant.createKey(f.grant.aliceId, "profile-only", Map.of("scopes", List.of("profile"))),
                "openid profile");
        JsonNode jwt = GrantFixture.claims(token);
        assertNull(jwt.get("email"), jwt.toString());
        Reply reply = f.userinfo(token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(f.grant.aliceId, reply.text("sub"));
        assertEquals("alice", reply.text("preferred_username"));
        assertNull(reply.json().get("email"), reply.body());
        assertNull(reply.json().get("email_verified"), reply.body());
    }

    @Test
    void theKeysTokenIsRefusedOnceTheKeyIsRevoked() {
        String[] key = f.grant.createKey(f.grant.aliceId, "revoked-userinfo", Map.of("scopes", List.of("profile")));
        String token = f.exchange(key, "openid profile");
        assertEquals(200, f.userinfo(token).status());
        assertEquals(200, f.grant.adminCall("POST", "/" + key[0] + "/revoke", null).status());
        Reply reply = f.userinfo(token);
        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid_token", reply.text("error"));
        assertNotNull(reply.text("error_description"));
        assertTrue(reply.body().indexOf("alice") < 0, reply.body());
    }
}
