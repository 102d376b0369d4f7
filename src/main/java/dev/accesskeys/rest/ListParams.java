package dev.accesskeys.rest;

import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.service.AccessKeyException;

/**
 * Query parameters of a key listing: {@code status}, {@code search}, {@code first}, {@code max}, and its order:
 * {@code sort} ({@code name}, {@code createdAt}, {@code expiresAt}, {@code lastUsedAt}) and {@code order}
 * ({@code asc}, {@code desc}).
 */
public final class ListParams {

    public static final int DEFAULT_MAX = 100;
    public static final int MAX_MAX = 1000;

    private ListParams() {
    }

    public static AccessKeyQuery query(String userId, String status, String search, String first, String max) {
        return query(userId, status, search, first, max, null, null);
    }

    public static AccessKeyQuery query(String userId, String status, String search, String first, String max,
                                       String sort, String order) {
        AccessKeyQuery filters = filters(userId, status, search);
        int from = number("first", first, 0, 0, Integer.MAX_VALUE);
        int size = number("max", max, DEFAULT_MAX, 1, MAX_MAX);
        AccessKeyQuery.Sort by = null;
        if (sort != null && !sort.isEmpty()) {
            by = AccessKeyQuery.Sort.fromValue(sort);
            if (by == null) {
                throw AccessKeyException.invalid("sort", "must be one of name, createdAt, expiresAt, lastUsedAt");
            }
        }
        boolean descending = by == null;
        if (order != null && !order.isEmpty()) {
            if (!order.equals("asc") && !order.equals("desc")) {
                throw AccessKeyException.invalid("order", "must be asc or desc");
            }
            descending = order.equals("desc");
        }
        return new AccessKeyQuery(filters.userId(), filters.status(), filters.search(), from, size, by, descending);
    }

    /** The filters of a count: {@code status} and {@code search}. */
    public static AccessKeyQuery filters(String userId, String status, String search) {
        AccessKeyStatus wanted = null;
        if (status != null && !status.isEmpty()) {
            wanted = AccessKeyStatus.fromValue(status);
            if (wanted == null) {
                throw AccessKeyException.invalid("status", "must be one of active, disabled, revoked, expired");
            }
        }
        if (search != null && search.length() > 255) {
            throw AccessKeyException.invalid("search", "must be at most 255 characters");
        }
        return new AccessKeyQuery(userId, wanted, search, 0, DEFAULT_MAX);
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AccessKeyException.invalid(name, "must be a whole number between " + min + " and " + max);
    }
}
