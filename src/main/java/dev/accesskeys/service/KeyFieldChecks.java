package dev.accesskeys.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.KeyPolicy;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;

/** The rules of a key's fields that need the realm or the policy: expiry, scopes, clients, roles, CIDR blocks. */
final class KeyFieldChecks {

    private static final String OPENID = "openid";

    private final RealmModel realm;
    private final KeyPolicy policy;

    KeyFieldChecks(RealmModel realm, KeyPolicy policy) {
        this.realm = realm;
        this.policy = policy;
    }

    /** The expiry of a new key: absent = the policy's default; an explicit null asks for none. */
    Long newExpiry(Change<Long> requested, long now) {
        if (requested == null || requested.value() == null) {
            Long expiry = requested == null ? policy.defaultExpiry(now) : null;
            if (expiry == null && !policy.allowsNoExpiry()) {
                throw AccessKeyException.invalid("expiresAt", "the realm policy requires an expiry");
            }
            return expiry;
        }
        return boundedExpiry(requested.value(), now, now);
    }

    /** A changed expiry, bounded by the policy from {@code lifetimeStart}. */
    Long changedExpiry(Long requested, long lifetimeStart, long now) {
        if (requested == null) {
            if (!policy.allowsNoExpiry()) {
                throw AccessKeyException.invalid("expiresAt", "the realm policy requires an expiry");
            }
            return null;
        }
        return boundedExpiry(requested, lifetimeStart, now);
    }

    /** Where a key's lifetime starts for {@code maxLifetimeDays}: its last rotate (the secret's age), else its creation. */
    static long lifetimeStart(AccessKey key) {
        return key.getRotatedAt() != null ? key.getRotatedAt() : key.getCreatedAt();
    }

    private long boundedExpiry(long expiresAt, long lifetimeStart, long now) {
        FieldRules.timestamp("expiresAt", expiresAt);
        if (expiresAt <= now) {
            throw AccessKeyException.invalid("expiresAt", "must be in the future");
        }
        Long latest = policy.latestExpiry(lifetimeStart);
        if (latest != null && expiresAt > latest) {
            throw AccessKeyException.invalid("expiresAt", "exceeds the realm's maximum key lifetime of "
                    + policy.maxLifetimeDays() + " days from creation (maxLifetimeDays)");
        }
        return expiresAt;
    }

    List<String> scopes(List<String> requested) {
        List<String> scopes = FieldRules.list("scopes", requested);
        if (scopes != null) {
            Set<String> known = realm.getClientScopesStream().map(ClientScopeModel::getName).collect(Collectors.toSet());
            for (String scope : scopes) {
                if (!OPENID.equals(scope) && !known.contains(scope)) {
                    throw AccessKeyException.invalid("scopes", "unknown client scope '" + AccessKeyException.shown(scope) + "'");
                }
            }
        }
        return scopes;
    }

    List<String> clients(List<String> requested) {
        List<String> clients = FieldRules.list("clients", requested);
        if (clients != null) {
            for (String clientId : clients) {
                if (realm.getClientByClientId(clientId) == null) {
                    throw AccessKeyException.invalid("clients", "unknown client '" + AccessKeyException.shown(clientId) + "'");
                }
            }
        }
        return clients;
    }

    List<String> roles(List<String> requested) {
        List<String> roles = FieldRules.list("roles", requested);
        if (roles != null) {
            for (String role : roles) {
                if (RoleNames.resolve(realm, role) == null) {
                    throw AccessKeyException.invalid("roles", "unknown role '" + AccessKeyException.shown(role) + "'");
                }
            }
        }
        return roles;
    }

    /** Normalised CIDR blocks (e.g. {@code 10.1.2.3/8} as {@code 10.0.0.0/8}), without repeats; null = anywhere. */
    static List<String> cidrs(List<String> requested) {
        List<String> values = FieldRules.list("allowedCidrs", requested);
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw AccessKeyException.invalid("allowedCidrs", "must not be empty; null allows every address");
        }
        Set<String> blocks = new LinkedHashSet<>();
        for (String value : values) {
            CidrBlock block = CidrBlock.parse(value);
            if (block == null) {
                throw AccessKeyException.invalid("allowedCidrs", "'" + AccessKeyException.shown(value)
                        + "' is not an IPv4 or IPv6 address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)");
            }
            blocks.add(block.toString());
        }
        return List.copyOf(blocks);
    }
}
