package dev.accesskeys.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import dev.accesskeys.model.KeyUse;

import org.junit.jupiter.api.Test;

/** The node's pending last-use stamps: the latest use of a key wins, a flush takes them all, a failed one puts them back. */
class LastUseStampsTest {

    private final LastUseStamps stamps = new LastUseStamps();

    private static KeyUse use(String realm, String key, long at) {
        return new KeyUse(realm, key, at, "10.0.0." + at, at - 59_999);
    }

    @Test
    void theLatestUseOfAKeyIsPendingWhateverTheOrderItArrivesIn() {
        stamps.add(use("r", "k", 2000));
        stamps.add(use("r", "k", 1000));
        assertEquals(2000, stamps.pending("r", "k").at());
        stamps.add(use("r", "k", 3000));
        assertEquals(3000, stamps.pending("r", "k").at());
        assertEquals("10.0.0.3000", stamps.pending("r", "k").ip());
        assertEquals(1, stamps.size());
    }

    @Test
    void keysOfDifferentRealmsAreApart() {
        stamps.add(use("r1", "k", 1000));
        assertNull(stamps.pending("r2", "k"));
        assertEquals(1000, stamps.pending("r1", "k").at());
    }

    @Test
    void drainTakesEveryStampOnce() {
        stamps.add(use("r", "a", 1000));
        stamps.add(use("r", "b", 1000));
        List<KeyUse> taken = stamps.drain();
        assertEquals(2, taken.size());
        assertEquals(0, stamps.size());
        assertNull(stamps.pending("r", "a"));
        assertEquals(List.of(), stamps.drain());
    }

    @Test
    void aFailedWriteIsPutBackWithoutHidingALaterUse() {
        stamps.add(use("r", "a", 1000));
        stamps.add(use("r", "b", 1000));
        List<KeyUse> taken = stamps.drain();
        stamps.add(use("r", "a", 5000)); // used again while the write was failing
        stamps.restore(taken);
        assertEquals(5000, stamps.pending("r", "a").at());
        assertEquals(1000, stamps.pending("r", "b").at());
    }
}
