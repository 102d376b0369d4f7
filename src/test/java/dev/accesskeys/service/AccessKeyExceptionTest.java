package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccessKeyExceptionTest {

    @Test
    void echoedValuesAreShortAndPrintable() {
        assertEquals("", AccessKeyException.shown(null));
        assertEquals("a?b?", AccessKeyException.shown("a\nb\u0007"));
        assertEquals("x".repeat(64) + "…", AccessKeyException.shown("x".repeat(65)));
        assertEquals("clé 🔑", AccessKeyException.shown("clé 🔑"));
    }

    @Test
    void refusalsCarryReasonAndDescription() {
        AccessKeyException e = AccessKeyException.invalid("name", "is required");
        assertEquals(AccessKeyException.Reason.INVALID_INPUT, e.reason());
        assertEquals("name: is required", e.getMessage());
        assertEquals(AccessKeyException.Reason.CONFLICT, AccessKeyException.conflict("x").reason());
        assertEquals(AccessKeyException.Reason.LIMIT_REACHED, AccessKeyException.limitReached("x").reason());
    }
}
