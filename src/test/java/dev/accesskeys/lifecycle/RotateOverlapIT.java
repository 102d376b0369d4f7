package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Rotate with overlap: the previous secret works until previousSecretExpiresAt, then stops, cached or not. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class RotateOverlapIT {

    @InjectRealm(config = LifecycleRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private LifecycleFixture fixture() {
        return new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
    }

    @Test
    void previousSecretWorksUntilTheOverlapEndsThenStops() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("overlap"), "deploy", Map.of());
        // verified (and cached on the node) before the rotate
        assertEquals(200, f.exchange(key.id(), key.secret()).status());

        long before = System.currentTimeMillis();
        Reply rotated = f.rotate(key.id(), Map.of("overlapSeconds", 4));
        assertEquals(200, rotated.status(), rotated.toString());
        String newSecret = rotated.text("secret");
        assertNotEquals(key.secret(), newSecret);
        long until = rotated.json().get("previousSecretExpiresAt").asLong();
        assertTrue(until >= before + 4000 && until <= System.currentTimeMillis() + 4000 + 1000, "previousSecretExpiresAt " + until);
        assertTrue(rotated.json().get("rotatedAt").asLong() >= before, "rotatedAt is the time of the rotate");
        assertEquals(until, f.key(key.id()).json().get("previousSecretExpiresAt").asLong());

        // during the overlap both secrets exchange (the old one several times: it is cached after the first)
        for (int i = 0; i < 3; i++) {
            assertEquals(200, f.exchange(key.id(), key.secret()).status(), "old secret during the overlap");
        }
        assertEquals(200, f.exchange(key.id(), newSecret).status());

        while (System.currentTimeMillis() < until + 300) {
            LifecycleFixture.sleepMillis(200);
        }
        Reply old = f.exchange(key.id(), key.secret());
        assertEquals(400, old.status(), "old secret after previousSecretExpiresAt");
        assertEquals("invalid_grant", old.text("error"));
        assertEquals(LifecycleFixture.INVALID, old.text("error_description"));
        assertEquals(200, f.exchange(key.id(), newSecret).status());
        assertTrue(f.key(key.id()).json().get("previousSecretExpiresAt").isNull(), "no previous secret shown after the overlap");
    }

    @Test
    void aSecondRotateDuringTheOverlapEndsTheOlderSecret() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("twice"), "twice", Map.of());
        Reply first = f.rotate(key.id(), Map.of("overlapSeconds", 600));
        assertEquals(200, first.status(), first.toString());
        assertEquals(200, f.exchange(key.id(), key.secret()).status());
        Reply second = f.rotate(key.id(), Map.of("overlapSeconds", 600));
        assertEquals(200, second.status(), second.toString());

        assertEquals(400, f.exchange(key.id(), key.secret()).status(), "the first secret ends at the second rotate");
        assertEquals(200, f.exchange(key.id(), first.text("secret")).status(), "the second secret is now the previous one");
        assertEquals(200, f.exchange(key.id(), second.text("secret")).status());
    }

    @Test
    void rotateWithoutBodyStopsTheOldSecretAtOnce() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("atonce"), "atonce", Map.of());
        assertEquals(200, f.exchange(key.id(), key.secret()).status());
        Reply rotated = f.rotate(key.id(), null);
        assertEquals(200, rotated.status(), rotated.toString());
        assertTrue(rotated.json().get("previousSecretExpiresAt").isNull());
        assertEquals(400, f.exchange(key.id(), key.secret()).status());
        assertEquals(200, f.exchange(key.id(), rotated.text("secret")).status());
    }

    @Test
    void overlapBeyondThePolicyAndUnknownFieldsAreRefused() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("limits"), "limits", Map.of());
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50, "maxRotationOverlapSeconds", 60)).status());
        try {
            Reply tooLong = f.rotate(key.id(), Map.of("overlapSeconds", 61));
            assertEquals(400, tooLong.status(), tooLong.toString());
            assertTrue(tooLong.text("error_description").startsWith("overlapSeconds:"), tooLong.toString());
            Reply negative = f.rotate(key.id(), Map.of("overlapSeconds", -1));
            assertEquals(400, negative.status());
            Reply unknown = f.rotate(key.id(), Map.of("overlap", 5));
            assertEquals(400, unknown.status());
            assertTrue(unknown.text("error_description").startsWith("overlap:"), unknown.toString());
            // nothing changed: the original secret still works
            assertEquals(200, f.exchange(key.id(), key.secret()).status());
        } finally {
            assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        }
    }

    @Test
    void rotateCanSetANewExpiry() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("renew"), "renew", Map.of());
        long expiresAt = System.currentTimeMillis() + 3_600_000L;
        Reply rotated = f.rotate(key.id(), Map.of("overlapSeconds", 30, "expiresAt", expiresAt));
        assertEquals(200, rotated.status(), rotated.toString());
        assertEquals(expiresAt, rotated.json().get("expiresAt").asLong());
        Reply past = f.rotate(key.id(), Map.of("expiresAt", 1000));
        assertEquals(400, past.status());
        assertTrue(past.text("error_description").startsWith("expiresAt:"), past.toString());
    }
}
