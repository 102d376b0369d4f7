package dev.accesskeys.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Whether the grant's answer time tells an unknown key ID from a known ID with a wrong secret. 2000 attempts of each
 * kind, interleaved in random order within each pair, timed in this process with {@link System#nanoTime()} over HTTP on
 * loopback. The medians of the two kinds must differ by less than the noise: the larger of the differences between the
 * medians of the first and second 1000 attempts of the same kind, or 0.3 ms. The throttle is off in this realm, so the
 * known key is never locked. Figures go to stdout and {@code target/security-reports/key-timing.md}.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class KeyTimingIT {

    private static final int ATTEMPTS = 2000;
    private static final int WARM_UP = 300;
    private static final double FLOOR_MS = 0.3;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private final SecureRandom random = new SecureRandom();

    @Test
    void unknownKeyIdAndWrongSecretTakeTheSameTime() {
        AccessKeysApi f = new AccessKeysApi(urls.getBase(), admin, realm.getName());
        f.realmAttributes(Map.of("access.key.throttle.enabled", "false"));
        Key known = f.createKey(f.user("timed"), "timed", Map.of());

        for (int i = 0; i < WARM_UP; i++) {
            attempt(f, true, known);
            attempt(f, false, known);
        }
        double[] unknown = new double[ATTEMPTS];
        double[] wrong = new double[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS; i++) {
            if (random.nextBoolean()) {
                unknown[i] = attempt(f, true, known);
                wrong[i] = attempt(f, false, known);
            } else {
                wrong[i] = attempt(f, false, known);
                unknown[i] = attempt(f, true, known);
            }
        }
        int half = ATTEMPTS / 2;
        double medUnknown = median(unknown, 0, ATTEMPTS);
        double medWrong = median(wrong, 0, ATTEMPTS);
        double noiseUnknown = Math.abs(median(unknown, 0, half) - median(unknown, half, ATTEMPTS));
        double noiseWrong = Math.abs(median(wrong, 0, half) - median(wrong, half, ATTEMPTS));
        double noise = Math.max(noiseUnknown, noiseWrong);
        double difference = Math.abs(medUnknown - medWrong);
        double threshold = Math.max(noise, FLOOR_MS);
        String report = String.format(java.util.Locale.ROOT,
                "| figure | ms |%n|---|---:|%n| median, unknown key ID (%d) | %.3f |%n| median, known ID + wrong secret (%d) | %.3f |%n"
                        + "| p90 unknown / wrong | %.3f / %.3f |%n| difference of the medians | %.3f |%n"
                        + "| noise, unknown: first vs second 1000 | %.3f |%n| noise, wrong: first vs second 1000 | %.3f |%n"
                        + "| threshold = max(noise, %.1f) | %.3f |%n",
                ATTEMPTS, medUnknown, ATTEMPTS, medWrong, percentile(unknown, 0.9), percentile(wrong, 0.9), difference,
                noiseUnknown, noiseWrong, FLOOR_MS, threshold);
        System.out.println("KEY TIMING\n" + report);
        Reports.write("key-timing.md", report);
        assertTrue(difference < threshold, String.format(java.util.Locale.ROOT,
                "the medians differ by %.3f ms, more than the noise threshold %.3f ms", difference, threshold));
    }

    /** One refused exchange, timed in milliseconds. */
    private double attempt(AccessKeysApi f, boolean unknownId, Key known) {
        String keyId = unknownId ? "ak_" + randomBase62(22) : known.id();
        String secret = "aks_" + randomBase62(49);
        long start = System.nanoTime();
        Reply reply = f.exchange(keyId, secret);
        double millis = (System.nanoTime() - start) / 1e6;
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("invalid_grant", reply.text("error"));
        return millis;
    }

    private String randomBase62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(random.nextInt(62)));
        }
        return out.toString();
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        int n = part.length;
        return n % 2 == 1 ? part[n / 2] : (part[n / 2 - 1] + part[n / 2]) / 2;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
