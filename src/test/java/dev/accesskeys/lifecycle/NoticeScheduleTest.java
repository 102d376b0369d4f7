package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoticeScheduleTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final List<Integer> DAYS = List.of(7, 1);

    @Test
    void theNearestThresholdTheKeyIsInsideIsDue() {
        long now = 1_000_000_000_000L;
        assertNull(NoticeSchedule.dueThreshold(DAYS, now + 8 * DAY, now));
        assertEquals(7, NoticeSchedule.dueThreshold(DAYS, now + 7 * DAY, now));
        assertEquals(7, NoticeSchedule.dueThreshold(DAYS, now + 2 * DAY, now));
        assertEquals(1, NoticeSchedule.dueThreshold(DAYS, now + 1 * DAY, now));
        assertEquals(1, NoticeSchedule.dueThreshold(DAYS, now + HOUR, now));
        assertNull(NoticeSchedule.dueThreshold(DAYS, now, now), "already expired");
        assertNull(NoticeSchedule.dueThreshold(List.of(), now + HOUR, now));
    }

    @Test
    void oncePerKeyThresholdAndExpiry() {
        long expiry = 5_000L;
        assertFalse(NoticeSchedule.alreadySent(null, null, expiry, 7));
        assertTrue(NoticeSchedule.alreadySent(expiry, 7, expiry, 7));
        assertFalse(NoticeSchedule.alreadySent(expiry, 7, expiry, 1), "the 1-day notice follows the 7-day one");
        assertTrue(NoticeSchedule.alreadySent(expiry, 1, expiry, 1));
        assertTrue(NoticeSchedule.alreadySent(expiry, 1, expiry, 7), "after the 1-day notice the 7-day one is never sent");
        assertFalse(NoticeSchedule.alreadySent(expiry, 1, expiry + 1, 7), "a changed expiry starts over");
        assertEquals(7 * DAY, NoticeSchedule.horizonMillis(DAYS));
        assertEquals(0, NoticeSchedule.horizonMillis(List.of()));
    }
}
