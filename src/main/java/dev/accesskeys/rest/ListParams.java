package dev.accesskeys.rest;

import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.service.AccessKeyException;

/** Query parameters of a key listing: {@code status}, {@code search}, {@code first}, {@code max}. */
public final class ListParams {

    public static final int DEFAULT_MAX = 100;
    public static final int MAX_MAX = 1000;

    private ListParams() {
    }

    /**
     * A listing in the order of {@code sort} ({@code name}, {@code createdAt}, {@code expiresAt}, {@code lastUsedAt};
     * null or empty = newest first) and {@code order} ({@code asc} or {@code desc}, default {@code asc}).
     */
    public static AccessKeyQuery query(String userId, String status, String search, String first, String max,
                                       String sort, String order) {
        AccessKeyQuery query = query(userId, status, search, first, max);
        if ((sort == null || sort.isEmpty()) && (order == null || order.isEmpty())) {
            return query;
        }
        AccessKeyQuery.Sort.Field field = sort == null || sort.isEmpty()
                ? AccessKeyQuery.Sort.Field.CREATED : AccessKeyQuery.Sort.Field.fromValue(sort);
        if (field == null) {
            throw AccessKeyException.invalid("sort", "must be one of name, createdAt, expiresAt, lastUsedAt");
        }
        if (order != null && !order.isEmpty() && !order.equals("asc") && !order.equals("desc")) {
            throw AccessKeyException.invalid("order", "must be asc or desc");
        }
        return new AccessKeyQuery(query.userId(), query.status(), query.search(), query.first(), query.max(),
                new AccessKeyQuery.Sort(field, !"desc".equals(order)));
    }

    public static AccessKeyQuery query(String userId, String status, String search, String first, String max) {
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
        int from = number("first", first, 0, 0, Integer.MAX_VALUE);
        int size = number("max", max, DEFAULT_MAX, 1, MAX_MAX);
        return new AccessKeyQuery(userId, wanted, search, from, size);
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
