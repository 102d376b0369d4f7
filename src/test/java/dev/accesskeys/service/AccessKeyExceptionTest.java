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
    void refusalsCarryStatusAndCode() {
        AccessKeyException e = AccessKeyException.invalid("name", "is required");
        assertEquals(400, e.getStatus());
        assertEquals("invalid_request", e.getError());
        assertEquals("name: is required", e.getMessage());
        assertEquals(409, AccessKeyException.conflict("x").getStatus());
    }
}
