package dev.accesskeys.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.KeyUse;

import org.junit.jupiter.api.Test;

/** A key handed out by the caching store invalidates its verified copies on its first change, and only then. */
class InvalidatingAccessKeyTest {

    private final AtomicInteger invalidations = new AtomicInteger();
    private final AtomicInteger delegateSets = new AtomicInteger();
    private final AccessKey stored = (AccessKey) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AccessKey.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("set")) {
                    delegateSets.incrementAndGet();
                    return null;
                }
                return method.getName().equals("getId") ? "AKID" : null;
            });
    private final InvalidatingAccessKey key = new InvalidatingAccessKey(stored, invalidations::incrementAndGet, null);

    @Test
    void readsInvalidateNothing() {
        assertEquals("AKID", key.getId());
        key.getName();
        key.getSecretHash();
        key.getPreviousSecretHash();
        assertEquals(0, invalidations.get());
    }

    @Test
    void everyKindOfChangeInvalidatesOnceAndReachesTheStoredKey() throws Exception {
        key.setEnabled(false);
        key.setName("n");
        key.setSecretHash("h");
        key.setScopes(List.of("profile"));
        key.setPreviousSecret("h", 1L);
        key.setAllowedCidrs(List.of("10.0.0.0/8"));
        assertEquals(1, invalidations.get());
        assertEquals(6, delegateSets.get());
        // each setter of the interface goes through the wrapper (none falls back to the interface's default)
        for (Method method : AccessKey.class.getMethods()) {
            if (method.getName().startsWith("set")) {
                assertEquals(InvalidatingAccessKey.class, InvalidatingAccessKey.class.getMethod(method.getName(),
                        method.getParameterTypes()).getDeclaringClass(), method.getName());
            }
        }
    }

    @Test
    void aUseThisNodeHasNotWrittenYetShowsAsTheLastUseUntilTheStoredOneIsLater() {
        AccessKey storedAt = (AccessKey) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccessKey.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getLastUsedAt" -> 5000L;
                    case "getLastUsedIp" -> "10.0.0.1";
                    default -> null;
                });
        InvalidatingAccessKey later = new InvalidatingAccessKey(storedAt, () -> { }, new KeyUse("r", "k", 7000, "10.0.0.2", 0));
        assertEquals(7000L, later.getLastUsedAt());
        assertEquals("10.0.0.2", later.getLastUsedIp());
        InvalidatingAccessKey older = new InvalidatingAccessKey(storedAt, () -> { }, new KeyUse("r", "k", 4000, "10.0.0.3", 0));
        assertEquals(5000L, older.getLastUsedAt());
        assertEquals("10.0.0.1", older.getLastUsedIp());
        assertEquals(5000L, new InvalidatingAccessKey(storedAt, () -> { }, null).getLastUsedAt());
    }
}
