package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.accesskeys.support.Concurrently;

import org.junit.jupiter.api.Test;

class LastUseRecorderTest {

    private static final long T0 = 1_800_000_000_000L;

    @Test
    void oneWritePerKeyPerInterval() {
        LastUseRecorder recorder = new LastUseRecorder();
        assertTrue(recorder.claim("ak_a", T0));
        assertFalse(recorder.claim("ak_a", T0 + 1));
        assertFalse(recorder.claim("ak_a", T0 + LastUseRecorder.INTERVAL_MILLIS - 1));
        assertTrue(recorder.claim("ak_b", T0 + 1), "keys are independent");
        assertTrue(recorder.claim("ak_a", T0 + LastUseRecorder.INTERVAL_MILLIS));
    }

    @Test
    void forgetAllowsTheNextWrite() {
        LastUseRecorder recorder = new LastUseRecorder();
        assertTrue(recorder.claim("ak_a", T0));
        recorder.forget("ak_a");
        assertTrue(recorder.claim("ak_a", T0 + 1));
    }

    @Test
    void claimsOfPastIntervalsArePrunedOnceTheMapIsLarge() {
        LastUseRecorder recorder = new LastUseRecorder();
        for (int i = 0; i <= LastUseRecorder.PRUNE_ABOVE; i++) {
            assertTrue(recorder.claim("ak_old" + i, T0));
        }
        // within the interval every claim is live: nothing to prune, and the map is not scanned again each time
        for (int i = 0; i < 100; i++) {
            assertTrue(recorder.claim("ak_new" + i, T0 + 1 + i));
        }
        assertEquals(LastUseRecorder.PRUNE_ABOVE + 101, recorder.size());
        // once their interval passed, the next claim drops the old ones; the recent ones still hold their slot
        long later = T0 + LastUseRecorder.INTERVAL_MILLIS;
        assertTrue(recorder.claim("ak_after", later));
        assertEquals(100 + 1, recorder.size(), "only the claims of the last interval are kept");
        assertFalse(recorder.claim("ak_new99", later), "a pruned map still knows the recent claims");
        assertTrue(recorder.claim("ak_old0", later), "an old key's next use is written");
    }

    @Test
    void concurrentUsesOfOneKeyClaimOnce() throws Exception {
        LastUseRecorder recorder = new LastUseRecorder();
        assertEquals(1, Concurrently.countTrue(10_000, 16, () -> recorder.claim("ak_hot", T0)));
    }
}
