package dev.accesskeys.service;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * Key IDs and secrets. A secret is {@code aks_} + 43 base62 characters (256 bits from {@link SecureRandom}) + a
 * 6-character base62 CRC32 of everything before it, so a scanner can tell a real secret offline.
 */
public final class SecretGenerator {

    public static final String KEY_ID_PREFIX = "ak_";
    public static final String SECRET_PREFIX = "aks_";

    static final int KEY_ID_BYTES = 16;
    static final int SECRET_BYTES = 32;
    static final int KEY_ID_RANDOM_LENGTH = 22;
    static final int SECRET_RANDOM_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    public static final int SECRET_LENGTH = SECRET_PREFIX.length() + SECRET_RANDOM_LENGTH + CHECKSUM_LENGTH;
    public static final int KEY_ID_LENGTH = KEY_ID_PREFIX.length() + KEY_ID_RANDOM_LENGTH;

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private final SecureRandom random;

    public SecretGenerator(SecureRandom random) {
        this.random = random;
    }

    public String newKeyId() {
        return KEY_ID_PREFIX + base62(randomBytes(KEY_ID_BYTES), KEY_ID_RANDOM_LENGTH);
    }

    public String newSecret() {
        String body = SECRET_PREFIX + base62(randomBytes(SECRET_BYTES), SECRET_RANDOM_LENGTH);
        return body + checksum(body);
    }

    /** Whether the text has the shape of a secret and its checksum is right. */
    public static boolean isWellFormedSecret(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        for (int i = SECRET_PREFIX.length(); i < secret.length(); i++) {
            if (ALPHABET.indexOf(secret.charAt(i)) < 0) {
                return false;
            }
        }
        int split = SECRET_LENGTH - CHECKSUM_LENGTH;
        return checksum(secret.substring(0, split)).equals(secret.substring(split));
    }

    /** Whether the text has the shape of a key ID. */
    public static boolean isWellFormedKeyId(String keyId) {
        if (keyId == null || keyId.length() != KEY_ID_LENGTH || !keyId.startsWith(KEY_ID_PREFIX)) {
            return false;
        }
        for (int i = KEY_ID_PREFIX.length(); i < keyId.length(); i++) {
            if (ALPHABET.indexOf(keyId.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String base62(byte[] bytes, int length) {
        return base62(new BigInteger(1, bytes), length);
    }

    private static String base62(BigInteger value, int length) {
        char[] out = new char[length];
        BigInteger rest = value;
        for (int i = length - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        if (rest.signum() != 0) {
            throw new IllegalArgumentException("value does not fit in " + length + " base62 digits");
        }
        return new String(out);
    }
}
