package dev.accesskeys.security;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Guessing one key's secret: with the throttle set to 5 failures and a 3 s lockout, the 5th wrong secret locks that
 * key (even its right secret is refused, with the one description of every bad key) until the lockout ends, while the
 * owner's other keys and password keep working; the lockout is an event. With the throttle off nothing locks.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class BruteForceIT {

    private static final String INVALID = "Invalid access key or secret";
    private static final int MAX_FAILURES = 5;
    private static final int LOCKOUT_SECONDS = 3;

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void wrongSecretsLockTheKeyForTheConfiguredTimeAndNothingElse() throws Exception {
        AccessKeysApi f = new AccessKeysApi(urls.getBase(), admin, realm.getName());
        f.realmAttributes(Map.of("access.key.throttle.enabled", "true",
                "access.key.throttle.max.failures", String.valueOf(MAX_FAILURES),
                "access.key.throttle.lockout.seconds", String.valueOf(LOCKOUT_SECONDS)));
        String ownerId = f.user("guessed");
        Key attacked = f.createKey(ownerId, "attacked", Map.of());
        Key sibling = f.createKey(ownerId, "sibling", Map.of());

        // failures below the limit, then a success, clear the count
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertInvalid(f.exchange(attacked.id(), "aks_guess" + i));
        }
        assertEquals(200, f.exchange(attacked).status(), "below the limit the key still works");
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertInvalid(f.exchange(attacked.id(), "aks_guess" + i));
        }
        assertEquals(200, f.exchange(attacked).status(), "a success cleared the earlier failures");

        // the limit: the key locks
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertInvalid(f.exchange(attacked.id(), "aks_guess" + i));
        }
        long lockedAt = System.currentTimeMillis();
        assertInvalid(f.exchange(attacked));
        assertInvalid(f.exchange("cli", null, attacked.id(), attacked.secret()));

        // the owner's other key, and the owner's password, are untouched
        assertEquals(200, f.exchange(sibling).status());
        assertTrue(f.token("guessed") != null);

        // the lockout is an event, on the attacked key, naming the reason
        List<EventRepresentation> events = f.realmAdmin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 1000);
        long lockouts = events.stream().filter(e -> e.getDetails() != null
                && attacked.id().equals(e.getDetails().get(AccessKeys.ACCESS_KEY_ID_CLAIM))
                && "user_temporarily_disabled".equals(e.getError())).count();
        long wrongSecrets = events.stream().filter(e -> e.getDetails() != null
                && attacked.id().equals(e.getDetails().get(AccessKeys.ACCESS_KEY_ID_CLAIM))
                && "invalid_user_credentials".equals(e.getError())).count();
        assertTrue(lockouts >= 2, "the refused attempts on the locked key are LOGIN_ERROR user_temporarily_disabled: " + lockouts);
        assertEquals(3L * MAX_FAILURES - 2, wrongSecrets, "every wrong secret is a LOGIN_ERROR invalid_user_credentials");

        // the lock ends after the configured time
        Thread.sleep(Math.max(0, lockedAt + LOCKOUT_SECONDS * 1000L + 300 - System.currentTimeMillis()));
        assertEquals(200, f.exchange(attacked).status(), "the lock ended after " + LOCKOUT_SECONDS + " s");
        System.out.printf("BRUTE FORCE: %d wrong secrets locked the key for %d s; %d lockout events, %d wrong-secret events; "
                + "sibling key and password unaffected%n", MAX_FAILURES, LOCKOUT_SECONDS, lockouts, wrongSecrets);

        // with the throttle off, nothing locks
        f.realmAttributes(Map.of("access.key.throttle.enabled", "false"));
        for (int i = 0; i < 3 * MAX_FAILURES; i++) {
            assertInvalid(f.exchange(attacked.id(), "aks_guess" + i));
        }
        assertEquals(200, f.exchange(attacked).status(), "the throttle is off");
    }

    private static void assertInvalid(Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("invalid_grant", reply.text("error"), reply.toString());
        assertEquals(INVALID, reply.text("error_description"), reply.toString());
    }
}
