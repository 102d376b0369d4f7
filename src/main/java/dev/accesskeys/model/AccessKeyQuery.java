package dev.accesskeys.model;

/**
 * Filters of a key listing; null fields do not filter.
 *
 * @param userId     owner
 * @param status     derived status
 * @param search     case-insensitive part of the name or key ID
 * @param first      offset
 * @param max        page size
 * @param sort       order of the listing (newest first when null)
 * @param descending whether {@code sort} runs from the highest value down
 */
public record AccessKeyQuery(String userId, AccessKeyStatus status, String search, int first, int max, Sort sort,
                             boolean descending) {

    /** Newest first. */
    public AccessKeyQuery(String userId, AccessKeyStatus status, String search, int first, int max) {
        this(userId, status, search, first, max, null, true);
    }

    /** Columns a listing can be sorted by, with their query-parameter values (the JSON field names). */
    public enum Sort {
        NAME("name"), CREATED_AT("createdAt"), EXPIRES_AT("expiresAt"), LAST_USED_AT("lastUsedAt");

        private final String value;

        Sort(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** @return the sort with that query-parameter value, or null */
        public static Sort fromValue(String value) {
            for (Sort sort : values()) {
                if (sort.value.equals(value)) {
                    return sort;
                }
            }
            return null;
        }
    }
}
