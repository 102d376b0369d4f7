package dev.accesskeys.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AccessKeyStatusTest {

    @Test
    void revokedWinsThenExpiredThenDisabled() {
        assertEquals(AccessKeyStatus.ACTIVE, AccessKeyStatus.of(true, null, null, 100));
        assertEquals(AccessKeyStatus.ACTIVE, AccessKeyStatus.of(true, null, 101L, 100));
        assertEquals(AccessKeyStatus.EXPIRED, AccessKeyStatus.of(true, null, 100L, 100), "expired at the exact millisecond");
        assertEquals(AccessKeyStatus.EXPIRED, AccessKeyStatus.of(false, null, 50L, 100));
        assertEquals(AccessKeyStatus.DISABLED, AccessKeyStatus.of(false, null, null, 100));
        assertEquals(AccessKeyStatus.REVOKED, AccessKeyStatus.of(true, 10L, 50L, 100));
    }

    @Test
    void jsonValues() {
        assertEquals("disabled", AccessKeyStatus.DISABLED.value());
        assertEquals(AccessKeyStatus.EXPIRED, AccessKeyStatus.fromValue("expired"));
        assertNull(AccessKeyStatus.fromValue("ACTIVE"));
    }
}
