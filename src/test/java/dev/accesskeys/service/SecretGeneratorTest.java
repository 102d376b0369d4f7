package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

    private final SecretGenerator generator = new SecretGenerator(new SecureRandom());

    @Test
    void secretHasPrefixBase62BodyAndValidChecksum() {
        String secret = generator.newSecret();
        assertTrue(secret.matches("aks_[0-9A-Za-z]{49}"), secret);
        assertEquals(SecretGenerator.SECRET_LENGTH, secret.length());
        assertTrue(SecretGenerator.isWellFormedSecret(secret));
        String body = secret.substring(0, secret.length() - 6);
        assertEquals(SecretGenerator.checksum(body), secret.substring(secret.length() - 6));
    }

    @Test
    void checksumCatchesAChangedCharacter() {
        String secret = generator.newSecret();
        char c = secret.charAt(10);
        String typo = secret.substring(0, 10) + (c == 'a' ? 'b' : 'a') + secret.substring(11);
        assertFalse(SecretGenerator.isWellFormedSecret(typo));
        assertFalse(SecretGenerator.isWellFormedSecret(secret.substring(1)));
        assertFalse(SecretGenerator.isWellFormedSecret("ghp_" + secret.substring(4)));
        assertFalse(SecretGenerator.isWellFormedSecret(null));
    }

    @Test
    void keyIdsAndSecretsAreDistinct() {
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(generator.newSecret());
            String id = generator.newKeyId();
            assertTrue(SecretGenerator.isWellFormedKeyId(id), id);
            ids.add(id);
        }
        assertEquals(10_000, secrets.size());
        assertEquals(10_000, ids.size());
    }

    @Test
    void allZeroAndAllOneRandomnessStillFitTheFormat() {
        SecretGenerator zeros = new SecretGenerator(new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        });
        SecretGenerator ones = new SecretGenerator(new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        });
        assertTrue(SecretGenerator.isWellFormedSecret(zeros.newSecret()));
        assertTrue(SecretGenerator.isWellFormedSecret(ones.newSecret()));
        assertTrue(SecretGenerator.isWellFormedKeyId(ones.newKeyId()));
    }
}
