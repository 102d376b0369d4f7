package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.accesskeys.model.KeyPolicy;

import org.junit.jupiter.api.Test;

/** The lifecycle fields of the realm policy: defaults, validation, and the expiry that binds existing keys. */
class LifecyclePolicyRulesTest {

    private static final long DAY = 86_400_000L;

    private static KeyPolicy with(int overlap, List<Integer> days, int retention, String leaked, Integer lifespan) {
        return new KeyPolicy(10, null, false, null, false, lifespan, overlap, days, retention, leaked);
    }

    @Test
    void defaults() {
        KeyPolicy d = KeyPolicy.DEFAULTS;
        assertEquals(604_800, d.maxRotationOverlapSeconds());
        assertEquals(List.of(7, 1), d.expiryNotificationDays());
        assertEquals(90, d.revokedRetentionDays());
        assertEquals("revoke", d.leakedKeyAction());
        PolicyRules.validate(d);
        assertEquals(d, new KeyPolicy(10, null, false, null, false, null), "the six-field constructor takes the lifecycle defaults");
    }

    @Test
    void refusalsNameTheField() {
        assertField("accessTokenLifespanSeconds", with(60, List.of(7), 90, "revoke", 86_401));
        assertField("maxRotationOverlapSeconds", with(-1, List.of(7), 90, "revoke", null));
        assertField("maxRotationOverlapSeconds", with(2_592_001, List.of(7), 90, "revoke", null));
        assertField("expiryNotificationDays", with(60, List.of(0), 90, "revoke", null));
        assertField("expiryNotificationDays", with(60, List.of(366), 90, "revoke", null));
        assertField("expiryNotificationDays", with(60, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90, "revoke", null));
        assertField("revokedRetentionDays", with(60, List.of(7), -1, "revoke", null));
        assertField("leakedKeyAction", with(60, List.of(7), 90, "delete", null));
        PolicyRules.validate(with(0, List.of(), 0, "disable", 86_400));
    }

    @Test
    void bindingExpiryIsTheLatestTheNewPolicyAllowsFromNow() {
        long now = 1_000 * DAY;
        assertNull(KeyPolicy.DEFAULTS.bindingExpiry(now), "no limit: nothing binds");
        assertEquals(now + 30 * DAY, new KeyPolicy(10, 30, false, null, false, null).bindingExpiry(now));
        assertEquals(now + 30 * DAY, new KeyPolicy(10, 30, true, 7, false, null).bindingExpiry(now), "the maximum, not the default");
        assertEquals(now + 60 * DAY, new KeyPolicy(10, null, true, 60, false, null).bindingExpiry(now));
        assertEquals(now + 365 * DAY, new KeyPolicy(10, null, true, null, false, null).bindingExpiry(now));
    }

    private static void assertField(String field, KeyPolicy policy) {
        AccessKeyException e = assertThrows(AccessKeyException.class, () -> PolicyRules.validate(policy));
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
        assertEquals(AccessKeyException.Reason.INVALID_INPUT, e.reason());
    }
}
