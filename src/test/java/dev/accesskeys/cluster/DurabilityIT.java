package dev.accesskeys.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One production-mode node on PostgreSQL: what it stored survives a graceful restart, and a SIGKILL in the middle of
 * key creations leaves every acknowledged key intact and no partial row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurabilityIT {

    private static final String DATABASE = "access_keys_durable";
    private static final String REALM = "durable";
    private static final int CREATORS = 4;
    /** Longer than the test: a last use reaches the database only with the flush at shutdown. */
    private static final String NO_TIMED_FLUSH = "--spi-access-keys-store--cache--last-use-flush-seconds=3600";

    private static KeycloakNode node;
    private static NodeClient client;
    private static Map<String, String> users;
    private static long classStart;

    @BeforeAll
    static void startNode() {
        classStart = System.nanoTime();
        Postgres.recreate(DATABASE);
        node = new KeycloakNode("durable", KeycloakInstall.of("node-a", KeycloakInstall.PROJECT_JAR), 8280, 9280, 7820, DATABASE)
                .withOption(NO_TIMED_FLUSH);
        node.start();
        client = new NodeClient(node);
        users = client.createRealm(REALM, "alice", "crash1", "crash2", "crash3", "crash4");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
        Figures.record("DurabilityIT wall time: %d s", (System.nanoTime() - classStart) / 1_000_000_000L);
    }

    @Test
    @Order(1)
    void keysStatusesAndLastUseSurviveARestart() throws InterruptedException {
        String alice = users.get("alice");
        JsonNode active = client.createKey(REALM, alice, "active", Map.of("description", "used before the restart",
                "scopes", List.of("profile", "email"), "clients", List.of(NodeClient.MACHINE_CLIENT)));
        JsonNode disabled = client.createKey(REALM, alice, "disabled", Map.of());
        JsonNode revoked = client.createKey(REALM, alice, "revoked", Map.of());
        long expiresAt = System.currentTimeMillis() + 3_000;
        JsonNode expired = client.createKey(REALM, alice, "expired", Map.of("expiresAt", expiresAt));
        NodeClient.expect(200, client.exchange(REALM, active.get("id").asText(), active.get("secret").asText()), "use before restart");
        NodeClient.expect(200, client.admin("PATCH", "/" + REALM + "/access-keys/" + disabled.get("id").asText(),
                Map.of("enabled", false)), "disable");
        NodeClient.expect(200, client.admin("POST", "/" + REALM + "/access-keys/" + revoked.get("id").asText() + "/revoke", null), "revoke");
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis() + 200));

        Map<String, JsonNode> before = keysOf(alice);
        Map<String, String> statuses = new HashMap<>();
        before.values().forEach(k -> statuses.put(k.get("name").asText(), k.get("status").asText()));
        assertEquals(Map.of("active", "active", "disabled", "disabled", "revoked", "revoked", "expired", "expired"), statuses);
        JsonNode used = before.get(active.get("id").asText());
        assertNotNull(used.get("lastUsedAt").numberValue(), "lastUsedAt before restart: " + used);
        assertEquals("127.0.0.1", used.get("lastUsedIp").asText());
        // the node shows its own last use at once; the database gets it with the node's next flush: here, at shutdown
        assertNull(Postgres.lastUsedAt(DATABASE, active.get("id").asText()), "the stamp is written behind, not in the request");

        node.stop();
        assertEquals(used.get("lastUsedAt").asLong(), Postgres.lastUsedAt(DATABASE, active.get("id").asText()),
                "the pending last use was written when the node stopped");
        double seconds = node.start();
        Figures.record("durability: graceful restart (SIGTERM, start --optimized) ready in %.1f s", seconds);

        assertEquals(before, keysOf(alice), "every key, field for field (status, lastUsedAt, lastUsedIp, ...), after the restart");
        NodeClient.expect(200, client.exchange(REALM, active.get("id").asText(), active.get("secret").asText()), "active key after restart");
        for (JsonNode refused : List.of(disabled, revoked, expired)) {
            Reply reply = client.exchange(REALM, refused.get("id").asText(), refused.get("secret").asText());
            assertEquals(400, reply.status(), refused.get("name") + " after restart: " + reply);
            assertEquals("invalid_grant", reply.text("error"));
        }
    }

    @Test
    @Order(2)
    void aCrashDuringCreatesLeavesEveryAcknowledgedKeyAndNoPartialRow() throws Exception {
        NodeClient.expect(200, client.admin("PUT", "/" + REALM + "/access-keys/policy", Map.of("maxKeysPerUser", 10_000)), "policy");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failedRequests = new AtomicInteger();
        String token = client.adminToken();
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        for (int t = 1; t <= CREATORS; t++) {
            String userId = users.get("crash" + t);
            String prefix = "crash" + t + " key ";
            creators.submit(() -> {
                for (int n = 1; running.get(); n++) {
                    try {
                        Reply reply = client.http().json("POST", "/admin/realms/" + REALM + "/access-keys", token,
                                Map.of("userId", userId, "name", prefix + n));
                        if (reply.status() == 201) {
                            acknowledged.put(reply.text("id"), reply.text("secret"));
                        }
                    } catch (RuntimeException connectionLost) {
                        failedRequests.incrementAndGet();
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int beforeKill = acknowledged.size();
        node.crash();
        running.set(false);
        creators.shutdown();
        assertTrue(creators.awaitTermination(30, TimeUnit.SECONDS), "creator threads ended");
        assertTrue(beforeKill >= 60, "creates were under way when the node was killed (" + beforeKill + " acknowledged)");

        double seconds = node.start();
        Figures.record("durability: kill -9 during %d parallel creates (%d keys acknowledged, %d requests cut off); restart ready in %.1f s",
                CREATORS, acknowledged.size(), failedRequests.get(), seconds);

        String realmId = client.adminGet("/" + REALM).json().get("id").asText();
        List<Map<String, Object>> rows = Postgres.query(DATABASE, "select * from access_key where realm_id = ? and name like 'crash%'", realmId);
        Set<String> stored = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            stored.add(id);
            assertTrue(id.matches("ak_[0-9A-Za-z]{22}"), "id " + row);
            assertTrue(users.containsValue((String) row.get("user_id")), "owner " + row);
            assertTrue(((String) row.get("name")).startsWith("crash"), "name " + row);
            assertTrue(String.valueOf(row.get("secret_hash")).matches("[0-9a-f]{64}"), "secret hash " + row);
            assertTrue(((Number) row.get("created_at")).longValue() > 0, "created_at " + row);
            assertNotNull(row.get("created_by"), "created_by " + row);
            assertEquals(Boolean.TRUE, row.get("enabled"), "enabled " + row);
        }
        List<String> lost = new ArrayList<>(acknowledged.keySet());
        lost.removeAll(stored);
        assertTrue(lost.isEmpty(), "keys answered 201 before the crash but missing after it: " + lost);
        Set<String> unacknowledged = new TreeSet<>(stored);
        unacknowledged.removeAll(acknowledged.keySet());
        assertTrue(unacknowledged.size() <= CREATORS, "at most one committed-but-unanswered create per thread: " + unacknowledged);

        for (Map.Entry<String, String> key : acknowledged.entrySet()) {
            Reply reply = client.exchange(REALM, key.getKey(), key.getValue());
            assertEquals(200, reply.status(), "acknowledged key " + key.getKey() + " after the crash: " + reply);
        }
    }

    private static Map<String, JsonNode> keysOf(String userId) {
        Reply list = client.adminGet("/" + REALM + "/access-keys?userId=" + userId + "&max=1000");
        NodeClient.expect(200, list, "list keys");
        Map<String, JsonNode> keys = new HashMap<>();
        list.json().forEach(k -> keys.put(k.get("id").asText(), k));
        return keys;
    }
}
