package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import dev.accesskeys.lifecycle.LifecycleFixture.Key;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** The scheduled retention purge deletes revoked keys revokedRetentionDays after revokedAt, and nothing else. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class RetentionPurgeIT {

    private static final long RUNS_MILLIS = LifecycleServerConfig.TASK_INTERVAL_SECONDS * 1000L * 3;

    @InjectRealm(config = LifecycleRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void revokedKeysAreKeptForTheRetentionAndThenDeleted() {
        LifecycleFixture f = new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        String owner = f.user("purge");
        Key revoked = f.createKey(owner, "revoked", Map.of());
        Key active = f.createKey(owner, "active", Map.of());
        Key disabled = f.createKey(owner, "disabled", Map.of("enabled", false));
        assertEquals(200, f.http.call("POST", f.adminPath() + "/" + revoked.id() + "/revoke", f.adminToken(), null, null).status());

        // default retention (90 days): a key revoked now stays listed for audit
        LifecycleFixture.sleepMillis(RUNS_MILLIS);
        assertEquals(200, f.key(revoked.id()).status());

        // retention 0: gone at the next run; active and disabled keys stay
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50, "revokedRetentionDays", 0)).status());
        LifecycleFixture.sleepMillis(RUNS_MILLIS);
        assertEquals(404, f.key(revoked.id()).status());
        assertEquals(200, f.key(active.id()).status());
        assertEquals(200, f.key(disabled.id()).status());
        assertEquals(200, f.exchange(active.id(), active.secret()).status());
    }
}
