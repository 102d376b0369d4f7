package dev.accesskeys.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a secret, as lower-case hex. A secret carries 256 random bits, so a slow password hash would add cost and
 * no safety. Comparison is constant-time.
 */
public final class SecretHasher {

    /** Hash that no secret has; compared against when the key ID is unknown so both paths cost the same. */
    static final String NO_KEY_HASH = "0".repeat(64);

    private SecretHasher() {
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean matches(String presentedHash, String storedHash) {
        return MessageDigest.isEqual(presentedHash.getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
