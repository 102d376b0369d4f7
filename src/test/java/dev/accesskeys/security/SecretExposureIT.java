package dev.accesskeys.security;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import dev.accesskeys.support.ExternalDatabase;
import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The secret after creation: a full life cycle on both APIs and the grant (the extension and Keycloak's events log at
 * debug), then the secrets and their SHA-256 hashes are looked for in the server log, the user and admin events (with
 * representations) and every answer that did not issue them; on PostgreSQL and MariaDB the {@code SECRET_HASH} column
 * is read directly. Secrets are checked for their documented format and checksum (with a checksum computed here, not
 * by the extension's code), and 10 000 secrets issued by the server are distinct.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class SecretExposureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_SHAPE = Pattern.compile("aks_[0-9A-Za-z]{49}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** Every secret issued, and the answers that must not show any secret. */
    private final Set<String> secrets = new HashSet<>();
    private final List<String> quietAnswers = new ArrayList<>();

    @Test
    void noSecretOrHashOutsideTheAnswerThatIssuedIt() throws Exception {
        AccessKeysApi f = new AccessKeysApi(urls.getBase(), admin, realm.getName());
        f.policy(Map.of("maxKeysPerUser", 100));
        String aliceId = f.user("alice");
        String alice = f.token("alice");
        String adminToken = f.adminToken();
        String self = f.self();
        String adm = f.adminPath();

        // self-service life cycle
        Reply created = issued(f.http().json("POST", self, alice, Map.of("name", "exposure", "scopes", List.of("profile"),
                "clients", List.of("machine"))), 201);
        String id = created.text("id");
        String first = created.text("secret");
        quiet(f.http().get(self + "/" + id, alice), 200);
        quiet(f.http().get(self, alice), 200);
        quiet(f.http().get(self + "/options", alice), 200);
        quiet(f.http().json("PATCH", self + "/" + id, alice, Map.of("description", "changed", "enabled", false)), 200);
        quiet(f.http().json("PATCH", self + "/" + id, alice, Map.of("enabled", true)), 200);
        quiet(f.exchange(id, first), 200);
        quiet(f.exchange(id, first + "x"), 400);
        String rotated = issued(f.http().call("POST", self + "/" + id + "/rotate", alice, null, null), 200).text("secret");
        quiet(f.exchange(id, first), 400);
        quiet(f.exchange(id, rotated), 200);
        quiet(f.http().get(self + "/" + id, alice), 200);
        quiet(f.http().call("POST", self + "/" + id + "/revoke", alice, null, null), 200);
        quiet(f.exchange(id, rotated), 400);
        quiet(f.http().get(self + "?status=revoked", alice), 200);
        quiet(f.http().call("DELETE", self + "/" + id, alice, null, null), 204);

        // admin life cycle
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", aliceId);
        body.put("name", "exposure by admin");
        Reply byAdmin = issued(f.http().json("POST", adm, adminToken, body), 201);
        String adminKey = byAdmin.text("id");
        quiet(f.http().get(adm + "/" + adminKey, adminToken), 200);
        quiet(f.http().get(adm, adminToken), 200);
        quiet(f.http().get(adm + "?search=exposure", adminToken), 200);
        quiet(f.http().get(adm + "?userId=" + aliceId, adminToken), 200);
        quiet(f.http().json("PATCH", adm + "/" + adminKey, adminToken, Map.of("name", "renamed")), 200);
        String adminRotated = issued(f.http().call("POST", adm + "/" + adminKey + "/rotate", adminToken, null, null), 200).text("secret");
        quiet(f.exchange(adminKey, adminRotated), 200);
        quiet(f.http().call("POST", adm + "/" + adminKey + "/revoke", adminToken, null, null), 200);
        quiet(f.http().get(adm + "/policy", adminToken), 200);
        quiet(f.http().json("PUT", adm + "/policy", adminToken, Map.of("maxKeysPerUser", 100)), 200);
        // a key that stays, for the database check
        Key kept = f.createKey(aliceId, "kept", Map.of());
        secrets.add(kept.secret());
        quiet(f.http().get(adm + "/" + kept.id(), adminToken), 200);

        // 10 000 secrets from the server: rotations of a few keys, in parallel
        Set<String> many = manySecrets(f, aliceId, 10_000);
        assertEquals(10_000, many.size(), "10 000 issued secrets are distinct");
        for (String secret : many) {
            assertWellFormed(secret);
        }
        for (String secret : secrets) {
            assertWellFormed(secret);
        }
        Set<String> allSecrets = new HashSet<>(secrets);
        allSecrets.addAll(many);
        Set<String> hashes = new HashSet<>();
        for (String secret : allSecrets) {
            hashes.add(sha256(secret));
        }

        // answers that did not issue a secret show none, nor any hash
        for (String answer : quietAnswers) {
            assertFalse(SECRET_SHAPE.matcher(answer).find(), "a secret-shaped string in an answer: " + answer);
            assertNoneIn(answer, allSecrets, hashes, "an answer");
        }
        // the server log, the user events, the admin events with their representations
        String log = Files.readString(AccessKeysServerConfig.SERVER_LOG);
        assertTrue(log.contains("DEBUG [dev.accesskeys") || log.contains("DEBUG [org.keycloak.events]"), "debug logging is on");
        assertNoneIn(log, allSecrets, hashes, "the server log");
        List<EventRepresentation> events = f.realmAdmin().getEvents(null, null, null, null, null, null, 0, 100_000);
        String eventsJson = JSON.writeValueAsString(events);
        assertTrue(eventsJson.contains(AccessKeys.ACCESS_KEY_ID_CLAIM), "user events were recorded");
        assertNoneIn(eventsJson, allSecrets, hashes, "the user events");
        List<AdminEventRepresentation> adminEvents = f.realmAdmin().getAdminEvents(null, null, null, null, null, null, null,
                null, null, 0, 100_000);
        String adminEventsJson = JSON.writeValueAsString(adminEvents);
        assertTrue(adminEvents.stream().anyMatch(e -> e.getRepresentation() != null && e.getRepresentation().contains(adminKey)),
                "admin events carry the key as representation");
        assertNoneIn(adminEventsJson, allSecrets, hashes, "the admin events");
        assertFalse(adminEventsJson.contains("ecretHash") || adminEventsJson.contains("\\\"secret\\\""), "no secret field in admin events");

        String column = hashColumnCheck(kept);
        System.out.printf("SECRETS: %d secrets issued (%d distinct, all aks_ + 49 base62 with a valid CRC32); none of them "
                + "or their hashes in %d answers, %d bytes of server log, %d user events, %d admin events; %s%n",
                allSecrets.size(), allSecrets.size(), quietAnswers.size(), log.length(), events.size(), adminEvents.size(), column);
    }

    private Reply issued(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        String secret = reply.text("secret");
        assertNotNull(secret, reply.toString());
        secrets.add(secret);
        return reply;
    }

    private void quiet(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.json() == null || !reply.json().has("secret"), "no secret field: " + reply);
        quietAnswers.add(reply.body());
    }

    private static Set<String> manySecrets(AccessKeysApi f, String userId, int count) throws Exception {
        int threads = 4;
        Set<String> out = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Key key = f.createKey(userId, "rotated " + t, Map.of());
                out.add(key.secret());
                int share = count / threads - 1;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        // the admin client renews its token: a run longer than the token's lifespan (MariaDB) goes on
                        Reply reply = f.http().call("POST", f.adminPath() + "/" + key.id() + "/rotate", f.adminToken(), null, null);
                        if (reply.status() != 200) {
                            throw new AssertionError("rotate: " + reply);
                        }
                        out.add(reply.text("secret"));
                    }
                    return share;
                }));
            }
            int total = threads;
            for (Future<Integer> worker : workers) {
                total += worker.get();
            }
            assertEquals(count, total);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("SECRETS: %d rotations in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        return out;
    }

    /** Format and checksum, computed independently of the extension: CRC32 of the first 47 characters in 6 base62 digits. */
    private static void assertWellFormed(String secret) {
        assertTrue(SECRET_SHAPE.matcher(secret).matches(), secret);
        CRC32 crc = new CRC32();
        crc.update(secret.substring(0, 47).getBytes(StandardCharsets.US_ASCII));
        BigInteger value = BigInteger.valueOf(crc.getValue());
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            BigInteger[] qr = value.divideAndRemainder(BigInteger.valueOf(62));
            digits.insert(0, BASE62.charAt(qr[1].intValue()));
            value = qr[0];
        }
        assertEquals(digits.toString(), secret.substring(47), "checksum of " + secret);
    }

    /** Looks for every secret and hash in the text by scanning it for their shapes once. */
    private void assertNoneIn(String text, Set<String> secrets, Set<String> hashes, String where) {
        Matcher secret = SECRET_SHAPE.matcher(text);
        while (secret.find()) {
            assertFalse(secrets.contains(secret.group()), "a secret in " + where);
        }
        Matcher hex = HEX_64.matcher(text);
        while (hex.find()) {
            assertFalse(hashes.contains(hex.group().toLowerCase()), "a secret's hash in " + where);
        }
        // a life-cycle secret cut short or embedded in longer text
        for (String s : this.secrets) {
            if (text.contains(s.substring(4, 47))) {
                throw new AssertionError("the random part of a secret in " + where);
            }
        }
    }

    private static String sha256(String secret) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * On an external database: every SECRET_HASH is 64 hex characters, never a secret, and the kept key's is the
     * SHA-256 of its secret. The embedded H2 database lives inside the server process and cannot be read from here.
     */
    private String hashColumnCheck(Key kept) throws Exception {
        ExternalDatabase database = ExternalDatabase.ofSuite();
        if (database == null) {
            return "SECRET_HASH column: not readable on the embedded H2 database (checked in the PostgreSQL and MariaDB runs)";
        }
        String vendor = database.vendor();
        Map<String, String> rows = new HashMap<>();
        for (String[] cells : database.query("SELECT ID, SECRET_HASH FROM ACCESS_KEY")) {
            if (cells.length == 2) {
                rows.put(cells[0], cells[1]);
            }
        }
        String out = rows.toString();
        assertTrue(rows.containsKey(kept.id()) && rows.size() >= 6, "rows read (the kept, revoked and rotated keys): " + out);
        for (Map.Entry<String, String> row : rows.entrySet()) {
            assertTrue(row.getValue().matches("[0-9a-f]{64}"), "SECRET_HASH of " + row.getKey() + " is a SHA-256 hex");
            assertFalse(row.getValue().contains("aks_") || secrets.contains(row.getValue()), "a secret in SECRET_HASH");
        }
        assertEquals(sha256(kept.secret()), rows.get(kept.id()), "the column holds the SHA-256 of the secret");
        return "SECRET_HASH column (" + vendor + "): " + rows.size() + " rows, all SHA-256 hex, none a secret";
    }
}
