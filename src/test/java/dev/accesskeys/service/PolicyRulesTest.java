package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import dev.accesskeys.model.KeyPolicy;

import org.junit.jupiter.api.Test;

class PolicyRulesTest {

    private static final long DAY = TimeUnit.DAYS.toMillis(1);

    @Test
    void defaultsAreTheDocumentedOnes() {
        KeyPolicy d = KeyPolicy.DEFAULTS;
        assertEquals(10, d.maxKeysPerUser());
        assertNull(d.maxLifetimeDays());
        assertFalse(d.requireExpiration());
        assertNull(d.defaultLifetimeDays());
        assertFalse(d.deleteRequiresInactive());
        assertNull(d.accessTokenLifespanSeconds());
        assertTrue(d.allowsNoExpiry());
        assertNull(d.defaultExpiry(1000));
        PolicyRules.validate(d);
    }

    @Test
    void expiryDefaultsToDefaultLifetimeElseMaximum() {
        KeyPolicy both = new KeyPolicy(10, 30, false, 7, false, null);
        assertEquals(1000 + 7 * DAY, both.defaultExpiry(1000));
        assertEquals(1000 + 30 * DAY, both.latestExpiry(1000));
        assertFalse(both.allowsNoExpiry());
        KeyPolicy maxOnly = new KeyPolicy(10, 30, false, null, false, null);
        assertEquals(1000 + 30 * DAY, maxOnly.defaultExpiry(1000));
        KeyPolicy required = new KeyPolicy(10, null, true, null, false, null);
        assertNull(required.defaultExpiry(1000));
        assertFalse(required.allowsNoExpiry());
    }

    @Test
    void inconsistentOrOutOfRangePoliciesAreRefused() {
        assertThrows(AccessKeyException.class, () -> PolicyRules.validate(new KeyPolicy(-1, null, false, null, false, null)));
        assertThrows(AccessKeyException.class, () -> PolicyRules.validate(new KeyPolicy(10, 0, false, null, false, null)));
        assertThrows(AccessKeyException.class, () -> PolicyRules.validate(new KeyPolicy(10, 5, false, 9, false, null)));
        assertThrows(AccessKeyException.class, () -> PolicyRules.validate(new KeyPolicy(10, null, false, null, false, 0)));
        PolicyRules.validate(new KeyPolicy(0, 365, true, 30, true, 60));
    }

    @Test
    void keyTokensLiveADayAtMost() {
        PolicyRules.validate(new KeyPolicy(10, null, false, null, false, 86_400));
        AccessKeyException refused = assertThrows(AccessKeyException.class,
                () -> PolicyRules.validate(new KeyPolicy(10, null, false, null, false, 86_401)));
        assertTrue(refused.getMessage().startsWith("accessTokenLifespanSeconds"), refused.getMessage());
        assertThrows(AccessKeyException.class, () -> PolicyRules.validate(new KeyPolicy(10, null, false, null, false, 31_536_000)));
    }
}
