package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {

    @Test
    void limitsEachAddressPerWindow() {
        AddressRateLimiter limiter = new AddressRateLimiter(3, 60);
        long t = 1_000_000L;
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("192.0.2.1", t + i));
        }
        assertFalse(limiter.tryAcquire("192.0.2.1", t + 10));
        assertTrue(limiter.tryAcquire("192.0.2.2", t + 10), "another address has its own budget");
        assertTrue(limiter.tryAcquire("192.0.2.1", t + 60_000), "a new window");
        assertEquals(60, limiter.windowSeconds());
    }

    @Test
    void zeroMeansNoLimitAndMemoryIsBounded() {
        AddressRateLimiter open = new AddressRateLimiter(0, 60);
        for (int i = 0; i < 1000; i++) {
            assertTrue(open.tryAcquire("a", i));
        }
        AddressRateLimiter limiter = new AddressRateLimiter(1, 1);
        for (int i = 0; i < 10_001; i++) {
            limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256), 0);
        }
        limiter.tryAcquire("late", 5_000);
        assertTrue(limiter.size() < 10, "past windows swept: " + limiter.size());
    }
}
