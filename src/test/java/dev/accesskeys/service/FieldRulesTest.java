package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class FieldRulesTest {

    private static void refused(String field, Runnable check) {
        AccessKeyException e = assertThrows(AccessKeyException.class, check::run);
        assertEquals(AccessKeyException.Reason.INVALID_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }

    @Test
    void nameIsRequiredTrimmedBoundedAndPrintable() {
        assertEquals("deploy", FieldRules.name("  deploy "));
        assertEquals("🔑".repeat(100), FieldRules.name("🔑".repeat(100)), "100 characters, not 100 UTF-16 units");
        refused("name", () -> FieldRules.name(null));
        refused("name", () -> FieldRules.name("   "));
        refused("name", () -> FieldRules.name("x".repeat(101)));
        refused("name", () -> FieldRules.name("a\u0000b"));
    }

    @Test
    void descriptionAllowsLineBreaksOnly() {
        assertNull(FieldRules.description(""));
        assertEquals("a\nb\tc", FieldRules.description("a\nb\tc"));
        refused("description", () -> FieldRules.description("d".repeat(1001)));
        refused("description", () -> FieldRules.description("bell\u0007"));
    }

    @Test
    void listsDropDuplicatesAndRefuseBlankOrTooMany() {
        assertNull(FieldRules.list("scopes", null));
        assertEquals(List.of(), FieldRules.list("scopes", List.of()));
        assertEquals(List.of("a", "b"), FieldRules.list("scopes", List.of("a", "b", "a")));
        refused("clients", () -> FieldRules.list("clients", Arrays.asList("a", null)));
        refused("roles", () -> FieldRules.list("roles", List.of(" ")));
        refused("roles", () -> FieldRules.list("roles", List.of("r".repeat(256))));
        refused("scopes", () -> FieldRules.list("scopes", Collections.nCopies(101, "s")));
    }

    @Test
    void timestampsStayInRange() {
        FieldRules.timestamp("expiresAt", 0);
        refused("expiresAt", () -> FieldRules.timestamp("expiresAt", -1));
        refused("expiresAt", () -> FieldRules.timestamp("expiresAt", Long.MAX_VALUE));
    }

    @Test
    void aClientAddressLongerThanTheColumnIsCutNotRefused() {
        assertEquals("127.0.0.1", FieldRules.clientAddress("127.0.0.1"));
        assertNull(FieldRules.clientAddress(null));
        String forwarded = "2001:db8::1, 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5, 10.0.0.6, 10.0.0.7";
        assertEquals(forwarded.substring(0, FieldRules.CLIENT_ADDRESS_MAX), FieldRules.clientAddress(forwarded));
        assertEquals(64, FieldRules.clientAddress(forwarded).length());
    }
}
