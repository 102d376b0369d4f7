package dev.accesskeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.accesskeys.support.Concurrently;

import org.junit.jupiter.api.Test;

class SweepGateTest {

    private static final long T0 = 1_800_000_000_000L;

    @Test
    void dueOncePerInterval() {
        SweepGate gate = new SweepGate(1000);
        assertTrue(gate.due(T0), "the first call sweeps");
        assertFalse(gate.due(T0));
        assertFalse(gate.due(T0 + 999));
        assertTrue(gate.due(T0 + 1000), "one interval later");
        assertFalse(gate.due(T0 + 1500));
        assertThrows(IllegalArgumentException.class, () -> new SweepGate(0));
    }

    @Test
    void concurrentCallersGetOneSweep() throws Exception {
        SweepGate gate = new SweepGate(1000);
        assertEquals(1, Concurrently.countTrue(10_000, 16, () -> gate.due(T0)));
    }
}
