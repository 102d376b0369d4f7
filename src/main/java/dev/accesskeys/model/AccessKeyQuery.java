package dev.accesskeys.model;

/**
 * Filters of a key listing; null fields do not filter.
 *
 * @param userId  owner
 * @param status  derived status
 * @param search  case-insensitive part of the name or key ID; when the query is not limited to one owner
 *                ({@code userId} null), also the start of the owner's username
 * @param first   offset
 * @param max     page size
 * @param sort    order of the listing; null = newest first
 */
public record AccessKeyQuery(String userId, AccessKeyStatus status, String search, int first, int max, Sort sort) {

    /** Newest first. */
    public AccessKeyQuery(String userId, AccessKeyStatus status, String search, int first, int max) {
        this(userId, status, search, first, max, null);
    }

    /** A sort column of the admin list, and its direction; ties are broken by key ID. */
    public record Sort(Field field, boolean ascending) {

        public enum Field {
            NAME("name"), CREATED("createdAt"), EXPIRES("expiresAt"), LAST_USED("lastUsedAt");

            private final String value;

            Field(String value) {
                this.value = value;
            }

            /** The query-parameter value, also the entity attribute. */
            public String value() {
                return value;
            }

            /** @return the field of that query-parameter value, or null */
            public static Field fromValue(String value) {
                for (Field field : values()) {
                    if (field.value.equals(value)) {
                        return field;
                    }
                }
                return null;
            }
        }
    }
}
