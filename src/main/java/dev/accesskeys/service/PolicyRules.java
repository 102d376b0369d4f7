package dev.accesskeys.service;

import java.util.List;

import dev.accesskeys.model.KeyPolicy;

/** Checks a policy an admin submits: numbers in range and consistent with each other. */
final class PolicyRules {

    static final int MAX_KEYS_LIMIT = 10_000;
    static final int MAX_DAYS = 36_500;
    /** Key tokens are short-lived: a day at most. */
    static final int MAX_TOKEN_LIFESPAN_SECONDS = 86_400;
    static final int MAX_OVERLAP_SECONDS = 2_592_000;
    static final int MAX_NOTIFICATION_THRESHOLDS = 10;

    private PolicyRules() {
    }

    static void validate(KeyPolicy policy) {
        if (policy.maxKeysPerUser() < 0 || policy.maxKeysPerUser() > MAX_KEYS_LIMIT) {
            throw AccessKeyException.invalid("maxKeysPerUser", "must be between 0 and " + MAX_KEYS_LIMIT);
        }
        checkDays("maxLifetimeDays", policy.maxLifetimeDays());
        checkDays("defaultLifetimeDays", policy.defaultLifetimeDays());
        if (policy.maxLifetimeDays() != null && policy.defaultLifetimeDays() != null
                && policy.defaultLifetimeDays() > policy.maxLifetimeDays()) {
            throw AccessKeyException.invalid("defaultLifetimeDays", "must not exceed maxLifetimeDays");
        }
        Integer lifespan = policy.accessTokenLifespanSeconds();
        if (lifespan != null && (lifespan < 1 || lifespan > MAX_TOKEN_LIFESPAN_SECONDS)) {
            throw AccessKeyException.invalid("accessTokenLifespanSeconds",
                    "must be between 1 and " + MAX_TOKEN_LIFESPAN_SECONDS + ", or null for the realm's lifespan");
        }
        if (policy.maxRotationOverlapSeconds() < 0 || policy.maxRotationOverlapSeconds() > MAX_OVERLAP_SECONDS) {
            throw AccessKeyException.invalid("maxRotationOverlapSeconds", "must be between 0 and " + MAX_OVERLAP_SECONDS);
        }
        List<Integer> days = policy.expiryNotificationDays();
        if (days == null || days.size() > MAX_NOTIFICATION_THRESHOLDS) {
            throw AccessKeyException.invalid("expiryNotificationDays", "must be a list of at most "
                    + MAX_NOTIFICATION_THRESHOLDS + " numbers of days ([] sends no e-mails)");
        }
        for (Integer day : days) {
            if (day == null || day < 1 || day > 365) {
                throw AccessKeyException.invalid("expiryNotificationDays", "entries must be between 1 and 365");
            }
        }
        if (policy.revokedRetentionDays() < 0 || policy.revokedRetentionDays() > MAX_DAYS) {
            // 0: revoked and expired keys go at the next run of the purge
            throw AccessKeyException.invalid("revokedRetentionDays", "must be between 0 and " + MAX_DAYS);
        }
        if (!KeyPolicy.LEAKED_REVOKE.equals(policy.leakedKeyAction()) && !KeyPolicy.LEAKED_DISABLE.equals(policy.leakedKeyAction())) {
            throw AccessKeyException.invalid("leakedKeyAction", "must be revoke or disable");
        }
    }

    private static void checkDays(String field, Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw AccessKeyException.invalid(field, "must be between 1 and " + MAX_DAYS + ", or null");
        }
    }
}
