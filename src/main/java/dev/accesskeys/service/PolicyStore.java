package dev.accesskeys.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.accesskeys.model.KeyPolicy;

import org.keycloak.models.RealmModel;

/**
 * The realm policy, kept in realm attributes ({@code accessKeys.*}) so it is cached, exported and invalidated across
 * a cluster by Keycloak itself. A missing or unreadable attribute falls back to the default.
 */
final class PolicyStore {

    private static final String PREFIX = "accessKeys.";
    static final String MAX_KEYS_PER_USER = PREFIX + "maxKeysPerUser";
    static final String MAX_LIFETIME_DAYS = PREFIX + "maxLifetimeDays";
    static final String REQUIRE_EXPIRATION = PREFIX + "requireExpiration";
    static final String DEFAULT_LIFETIME_DAYS = PREFIX + "defaultLifetimeDays";
    static final String DELETE_REQUIRES_INACTIVE = PREFIX + "deleteRequiresInactive";
    static final String ACCESS_TOKEN_LIFESPAN_SECONDS = PREFIX + "accessTokenLifespanSeconds";
    static final String MAX_ROTATION_OVERLAP_SECONDS = PREFIX + "maxRotationOverlapSeconds";
    static final String EXPIRY_NOTIFICATION_DAYS = PREFIX + "expiryNotificationDays";
    static final String REVOKED_RETENTION_DAYS = PREFIX + "revokedRetentionDays";
    static final String LEAKED_KEY_ACTION = PREFIX + "leakedKeyAction";
    /** Stored for an empty list of notification days (an empty attribute value is not kept alike by every database). */
    private static final String NONE = "none";

    private PolicyStore() {
    }

    static KeyPolicy read(RealmModel realm) {
        KeyPolicy d = KeyPolicy.DEFAULTS;
        Integer maxKeys = integer(realm, MAX_KEYS_PER_USER);
        Integer overlap = integer(realm, MAX_ROTATION_OVERLAP_SECONDS);
        Integer retention = integer(realm, REVOKED_RETENTION_DAYS);
        String leaked = realm.getAttribute(LEAKED_KEY_ACTION);
        return new KeyPolicy(
                maxKeys == null ? d.maxKeysPerUser() : maxKeys,
                integer(realm, MAX_LIFETIME_DAYS),
                Boolean.parseBoolean(realm.getAttribute(REQUIRE_EXPIRATION)),
                integer(realm, DEFAULT_LIFETIME_DAYS),
                Boolean.parseBoolean(realm.getAttribute(DELETE_REQUIRES_INACTIVE)),
                integer(realm, ACCESS_TOKEN_LIFESPAN_SECONDS),
                overlap == null ? d.maxRotationOverlapSeconds() : overlap,
                days(realm.getAttribute(EXPIRY_NOTIFICATION_DAYS)),
                retention == null ? d.revokedRetentionDays() : retention,
                KeyPolicy.LEAKED_DISABLE.equals(leaked) ? KeyPolicy.LEAKED_DISABLE : KeyPolicy.LEAKED_REVOKE);
    }

    static void write(RealmModel realm, KeyPolicy policy) {
        set(realm, MAX_KEYS_PER_USER, policy.maxKeysPerUser());
        set(realm, MAX_LIFETIME_DAYS, policy.maxLifetimeDays());
        set(realm, REQUIRE_EXPIRATION, policy.requireExpiration());
        set(realm, DEFAULT_LIFETIME_DAYS, policy.defaultLifetimeDays());
        set(realm, DELETE_REQUIRES_INACTIVE, policy.deleteRequiresInactive());
        set(realm, ACCESS_TOKEN_LIFESPAN_SECONDS, policy.accessTokenLifespanSeconds());
        set(realm, MAX_ROTATION_OVERLAP_SECONDS, policy.maxRotationOverlapSeconds());
        set(realm, EXPIRY_NOTIFICATION_DAYS, policy.expiryNotificationDays().isEmpty() ? NONE
                : policy.expiryNotificationDays().stream().map(String::valueOf).collect(Collectors.joining(",")));
        set(realm, REVOKED_RETENTION_DAYS, policy.revokedRetentionDays());
        set(realm, LEAKED_KEY_ACTION, policy.leakedKeyAction());
    }

    /** "7,1" as [7, 1]; "" as none; missing or unreadable as the default. */
    private static List<Integer> days(String value) {
        if (value == null) {
            return KeyPolicy.DEFAULT_EXPIRY_NOTIFICATION_DAYS;
        }
        if (NONE.equals(value.trim())) {
            return List.of();
        }
        List<Integer> days = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                try {
                    days.add(Integer.valueOf(part.trim()));
                } catch (NumberFormatException e) {
                    return KeyPolicy.DEFAULT_EXPIRY_NOTIFICATION_DAYS;
                }
            }
        }
        return List.copyOf(days);
    }

    private static Integer integer(RealmModel realm, String name) {
        String value = realm.getAttribute(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void set(RealmModel realm, String name, Object value) {
        if (value == null) {
            realm.removeAttribute(name);
        } else {
            realm.setAttribute(name, value.toString());
        }
    }
}
