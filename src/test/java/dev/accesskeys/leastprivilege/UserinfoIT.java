package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** This test's view of the realm (no state kept between tests). */
    private AccessKeysApi f;

    @BeforeEach
    void api() {
        f = new AccessKeysApi(urls.getBase(), admin, managedRealm.getName());
    }

    @Test
    void aKeyWithoutScopeLimitGetsTheUsualClaims() {
        String token = f.tokenOf(f.createKey(alice(f), "all-scopes", Map.of()), "openid");
        Reply reply = f.userinfo(token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("alice@example.org", reply.text("email"));
        assertEquals("alice", reply.text("preferred_username"));
    }

    @Test
    void aKeyLimitedToTheProfileScopeGetsNoEmail() {
        String token = f.tokenOf(f.createKey(alice(f), "profile-only", Map.of("scopes", List.of("profile"))),
                "openid profile");
        JsonNode jwt = AccessKeysApi.claims(token);
        assertNull(jwt.get("email"), jwt.toString());
        Reply reply = f.userinfo(token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(alice(f), reply.text("sub"));
        assertEquals("alice", reply.text("preferred_username"));
        assertNull(reply.json().get("email"), reply.body());
        assertNull(reply.json().get("email_verified"), reply.body());
    }

    @Test
    void theKeysTokenIsRefusedOnceTheKeyIsRevoked() {
        Key key = f.createKey(alice(f), "revoked-userinfo", Map.of("scopes", List.of("profile")));
        String token = f.tokenOf(key, "openid profile");
        assertEquals(200, f.userinfo(token).status());
        assertEquals(200, f.admin("POST", "/" + key.id() + "/revoke", null).status());
        Reply reply = f.userinfo(token);
        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid_token", reply.text("error"));
        assertNotNull(reply.text("error_description"));
        assertTrue(reply.body().indexOf("alice") < 0, reply.body());
    }
}
