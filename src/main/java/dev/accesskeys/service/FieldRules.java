package dev.accesskeys.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Shape checks of the free-text and list fields of a key; existence checks are the service's. */
final class FieldRules {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 1000;
    static final int LIST_MAX = 100;
    static final int ITEM_MAX = 255;
    /** Length of the LAST_USED_IP column. */
    static final int CLIENT_ADDRESS_MAX = 64;
    /** 9999-12-31T23:59:59.999Z: later expiries are certainly mistakes. */
    static final long LATEST_TIMESTAMP = 253_402_300_799_999L;

    private FieldRules() {
    }

    /** @return the name without surrounding white space */
    static String name(String value) {
        if (value == null) {
            throw AccessKeyException.invalid("name", "is required");
        }
        String name = value.strip();
        if (name.isEmpty()) {
            throw AccessKeyException.invalid("name", "must not be blank");
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            throw AccessKeyException.invalid("name", "must be at most " + NAME_MAX + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw AccessKeyException.invalid("name", "must not contain control characters");
        }
        return name;
    }

    /** @return the description, null when empty */
    static String description(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > DESCRIPTION_MAX) {
            throw AccessKeyException.invalid("description", "must be at most " + DESCRIPTION_MAX + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw AccessKeyException.invalid("description", "must not contain control characters other than line breaks and tabs");
        }
        return value;
    }

    /** @return the list without duplicates, in the given order; null stays null ("no limit") */
    static List<String> list(String field, List<String> values) {
        if (values == null) {
            return null;
        }
        if (values.size() > LIST_MAX) {
            throw AccessKeyException.invalid(field, "must have at most " + LIST_MAX + " entries");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw AccessKeyException.invalid(field, "entries must be non-empty strings");
            }
            if (value.length() > ITEM_MAX || value.codePoints().anyMatch(Character::isISOControl)) {
                throw AccessKeyException.invalid(field, "entries must be at most " + ITEM_MAX
                        + " characters without control characters");
            }
            distinct.add(value);
        }
        return List.copyOf(new ArrayList<>(distinct));
    }

    /**
     * A client address as stored in {@code lastUsedIp}: cut to the column (a proxy header can make it longer than any
     * address; storing it must never fail the request).
     */
    static String clientAddress(String value) {
        return value == null || value.length() <= CLIENT_ADDRESS_MAX ? value : value.substring(0, CLIENT_ADDRESS_MAX);
    }

    static void timestamp(String field, long value) {
        if (value < 0 || value > LATEST_TIMESTAMP) {
            throw AccessKeyException.invalid(field, "must be epoch milliseconds between 0 and " + LATEST_TIMESTAMP);
        }
    }
}
