package dev.accesskeys.lifecycle;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * When an expiry e-mail is due: a key is inside a threshold once it expires within that many days. Only the
 * smallest threshold it is inside is sent, once per key, threshold and expiry (a changed expiry starts over); a key
 * that enters several thresholds between two runs gets one e-mail, for the nearest.
 */
final class NoticeSchedule {

    private NoticeSchedule() {
    }

    /** @return the smallest threshold (days) the key is inside at {@code now}, or null when none (or already expired) */
    static Integer dueThreshold(List<Integer> days, long expiresAt, long now) {
        if (expiresAt <= now) {
            return null;
        }
        Integer due = null;
        for (Integer day : days) {
            if (expiresAt - now <= TimeUnit.DAYS.toMillis(day) && (due == null || day < due)) {
                due = day;
            }
        }
        return due;
    }

    /** Whether an e-mail for {@code due} days was already sent for this expiry (or one for a nearer threshold). */
    static boolean alreadySent(Long noticeExpiresAt, Integer noticeDays, long expiresAt, int due) {
        return noticeExpiresAt != null && noticeExpiresAt == expiresAt && noticeDays != null && noticeDays <= due;
    }

    /** The furthest threshold in milliseconds, 0 when there is none. */
    static long horizonMillis(List<Integer> days) {
        return days.stream().mapToLong(TimeUnit.DAYS::toMillis).max().orElse(0);
    }
}
