package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import dev.accesskeys.lifecycle.LifecycleFixture.Key;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Key IDs compare case-sensitively on every database (on MariaDB/MySQL thanks to the binary collation of changeset
 * 20261128-4): the ID with its letters' case swapped is an unknown key at the grant and in the REST API. Run it with
 * -Pmariadb to check MariaDB.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class KeyIdCaseIT {

    @InjectRealm(config = LifecycleRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void theIdWithAnotherCaseIsAnotherUnknownKey() {
        LifecycleFixture f = new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
        Key key = f.createKey(f.user("case"), "case", Map.of());
        String swapped = swapCase(key.id());
        assertNotEquals(key.id(), swapped);

        assertEquals(200, f.exchange(key.id(), key.secret()).status());
        Reply grant = f.exchange(swapped, key.secret());
        assertEquals(400, grant.status(), grant.toString());
        assertEquals("invalid_grant", grant.text("error"));
        assertEquals(LifecycleFixture.INVALID, grant.text("error_description"));
        assertEquals(404, f.key(swapped).status());
        assertEquals(404, f.key(key.id().toUpperCase()).status());
        assertEquals(200, f.key(key.id()).status());
    }

    private static String swapCase(String id) {
        StringBuilder swapped = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
