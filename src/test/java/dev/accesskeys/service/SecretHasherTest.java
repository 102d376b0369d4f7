package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

    @Test
    void hashIsSha256HexAndNeverTheSecret() {
        String hash = SecretHasher.hash("abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
        assertEquals(64, SecretHasher.hash("aks_whatever").length());
        assertNotEquals("abc", hash);
    }

    @Test
    void matchesOnlyTheSameHash() {
        assertTrue(SecretHasher.matches(SecretHasher.hash("s1"), SecretHasher.hash("s1")));
        assertFalse(SecretHasher.matches(SecretHasher.hash("s1"), SecretHasher.hash("s2")));
        assertFalse(SecretHasher.matches(SecretHasher.hash("s1"), SecretHasher.NO_KEY_HASH));
    }
}
