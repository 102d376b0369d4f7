package dev.accesskeys.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Races: the key limit under 50 parallel creates, and rotate or revoke racing exchanges of the same key. "After it
 * returns" is measured on the test's own clock: an exchange that was sent after the rotate or revoke answer arrived
 * must see the change; exchanges already in flight may see either state. The throttle is off in this realm, so the old
 * secret's failures cannot lock the key and hide what the new secret does.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class RaceIT {

    private static final int ROUNDS = 8;
    private static final int EXCHANGERS = 6;
    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private AccessKeysApi f;

    @BeforeEach
    void setUp() {
        f = new AccessKeysApi(urls.getBase(), admin, realm.getName());
        f.realmAttributes(Map.of("access.key.throttle.enabled", "false"));
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void fiftyParallelCreatesWithALimitOfTwoLeaveExactlyTwoKeys() throws Exception {
        String userId = f.user("racer");
        String token = f.token("racer");
        f.policy(Map.of("maxKeysPerUser", 2));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Reply>> creates = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                creates.add(() -> {
                    start.await();
                    return f.http().json("POST", f.self(), token, Map.of("name", "parallel " + n));
                });
            }
            List<Future<Reply>> futures = new ArrayList<>();
            for (Callable<Reply> create : creates) {
                futures.add(POOL.submit(create));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> odd = new ArrayList<>();
            for (Future<Reply> future : futures) {
                Reply reply = future.get();
                statuses.merge(reply.status(), 1, Integer::sum);
                // refused for the limit, or (under lock contention) a 503 temporarily_unavailable the caller may retry
                boolean limit = reply.status() == 400 && reply.body().contains("maxKeysPerUser");
                boolean busy = reply.status() == 503 && "temporarily_unavailable".equals(reply.text("error"));
                if (reply.status() != 201 && !limit && !busy) {
                    odd.add(reply.toString());
                }
            }
            System.out.println("RACE creates (50 parallel, limit 2): statuses " + statuses);
            assertEquals(2, statuses.getOrDefault(201, 0), statuses.toString());
            assertTrue(odd.isEmpty(), "every other create is refused for the limit (or busy): " + odd);
            assertEquals(2, f.http().get(f.self(), token).json().size());
            assertEquals(2, f.http().get(f.adminPath() + "?userId=" + userId, f.adminToken()).json().size());
        } finally {
            f.policy(Map.of());
        }
    }

    /** One exchange: which secret, when it was sent and answered (nanoTime), and the status. */
    private record Attempt(boolean newSecret, long sent, long answered, int status) {
    }

    @Test
    void afterRotateReturnsOnlyTheNewSecretWorks() throws Exception {
        String userId = f.user("rotator");
        int oldAfter = 0;
        int newAfter = 0;
        int oldBefore = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Key key = f.createKey(userId, "rotate race " + round, Map.of());
            AtomicReference<String> newSecret = new AtomicReference<>();
            long[] returned = new long[1];
            List<Attempt> attempts = race(key, newSecret, () -> {
                Reply rotated = f.http().call("POST", f.adminPath() + "/" + key.id() + "/rotate", f.adminToken(), null, null);
                returned[0] = System.nanoTime();
                assertEquals(200, rotated.status(), rotated.toString());
                newSecret.set(rotated.text("secret"));
            });
            for (Attempt a : attempts) {
                if (a.sent() > returned[0]) {
                    if (a.newSecret()) {
                        newAfter++;
                        assertEquals(200, a.status(), "the new secret works once rotate has returned (round " + round + ")");
                    } else {
                        oldAfter++;
                        assertEquals(400, a.status(), "the old secret fails once rotate has returned (round " + round + ")");
                    }
                } else if (!a.newSecret() && a.answered() < returned[0] && a.status() == 200) {
                    oldBefore++;
                }
            }
        }
        System.out.printf("RACE rotate x exchange: %d rounds; old secret after rotate returned: %d attempts, all refused; "
                + "new secret after: %d attempts, all 200; old secret answered 200 before: %d%n", ROUNDS, oldAfter, newAfter, oldBefore);
        assertTrue(oldAfter >= ROUNDS && newAfter >= ROUNDS && oldBefore >= ROUNDS, "the race had attempts on both sides");
    }

    @Test
    void afterRevokeReturnsNoTokenIsIssued() throws Exception {
        String userId = f.user("revoker");
        String token = f.token("revoker");
        int after = 0;
        int before = 0;
        long slowest = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Key key = f.createKey(userId, "revoke race " + round, Map.of());
            long[] returned = new long[1];
            long[] sent = new long[1];
            List<Attempt> attempts = race(key, new AtomicReference<>(), () -> {
                sent[0] = System.nanoTime();
                Reply revoked = f.http().call("POST", f.self() + "/" + key.id() + "/revoke", token, null, null);
                returned[0] = System.nanoTime();
                assertEquals(200, revoked.status(), revoked.toString());
            });
            slowest = Math.max(slowest, returned[0] - sent[0]);
            for (Attempt a : attempts) {
                if (a.sent() > returned[0]) {
                    after++;
                    assertEquals(400, a.status(), "no token once revoke has returned (round " + round + ")");
                } else if (a.answered() < returned[0] && a.status() == 200) {
                    before++;
                }
            }
        }
        System.out.printf("RACE revoke x exchange: %d rounds; attempts sent after revoke returned: %d, all refused; "
                + "tokens issued before: %d; slowest revoke %.1f ms%n", ROUNDS, after, before, slowest / 1e6);
        assertTrue(after >= ROUNDS && before >= ROUNDS, "the race had attempts on both sides");
    }

    /**
     * Runs {@link #EXCHANGERS} threads that exchange the key without pause (with the new secret too, every other
     * attempt, once {@code newSecret} is set), runs {@code change} in the middle, and returns every attempt.
     */
    private List<Attempt> race(Key key, AtomicReference<String> newSecret, Runnable change) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < EXCHANGERS; t++) {
            workers.add(POOL.submit(() -> {
                boolean useNew = false;
                while (!stop.get()) {
                    String fresh = newSecret.get();
                    boolean withNew = fresh != null && useNew;
                    useNew = !useNew;
                    long sent = System.nanoTime();
                    Reply reply = f.exchange(key.id(), withNew ? fresh : key.secret());
                    attempts.add(new Attempt(withNew, sent, System.nanoTime(), reply.status()));
                }
                return null;
            }));
        }
        Thread.sleep(150);
        change.run();
        Thread.sleep(250);
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        return new ArrayList<>(attempts);
    }
}
