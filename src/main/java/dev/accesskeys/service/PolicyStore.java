package dev.accesskeys.service;

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

    private PolicyStore() {
    }

    static KeyPolicy read(RealmModel realm) {
        KeyPolicy d = KeyPolicy.DEFAULTS;
        Integer maxKeys = integer(realm, MAX_KEYS_PER_USER);
        return new KeyPolicy(
                maxKeys == null ? d.maxKeysPerUser() : maxKeys,
                integer(realm, MAX_LIFETIME_DAYS),
                Boolean.parseBoolean(realm.getAttribute(REQUIRE_EXPIRATION)),
                integer(realm, DEFAULT_LIFETIME_DAYS),
                Boolean.parseBoolean(realm.getAttribute(DELETE_REQUIRES_INACTIVE)),
                integer(realm, ACCESS_TOKEN_LIFESPAN_SECONDS));
    }

    static void write(RealmModel realm, KeyPolicy policy) {
        set(realm, MAX_KEYS_PER_USER, policy.maxKeysPerUser());
        set(realm, MAX_LIFETIME_DAYS, policy.maxLifetimeDays());
        set(realm, REQUIRE_EXPIRATION, policy.requireExpiration());
        set(realm, DEFAULT_LIFETIME_DAYS, policy.defaultLifetimeDays());
        set(realm, DELETE_REQUIRES_INACTIVE, policy.deleteRequiresInactive());
        set(realm, ACCESS_TOKEN_LIFESPAN_SECONDS, policy.accessTokenLifespanSeconds());
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
