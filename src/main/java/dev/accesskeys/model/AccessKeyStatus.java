package dev.accesskeys.model;

import java.util.Locale;

/**
 * The state of a key as users see it, derived from {@code enabled}, {@code revokedAt} and {@code expiresAt}.
 * Precedence: revoked, then expired, then disabled, else active.
 */
public enum AccessKeyStatus {
    ACTIVE, DISABLED, REVOKED, EXPIRED;

    public static AccessKeyStatus of(boolean enabled, Long revokedAt, Long expiresAt, long now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (expiresAt != null && expiresAt <= now) {
            return EXPIRED;
        }
        return enabled ? ACTIVE : DISABLED;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the status for its JSON value, or null when there is none of that name */
    public static AccessKeyStatus fromValue(String value) {
        for (AccessKeyStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
