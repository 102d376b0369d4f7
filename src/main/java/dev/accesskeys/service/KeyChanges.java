package dev.accesskeys.service;

import java.util.List;

/**
 * The fields a create or update request gives; a null component was not given, a {@link Change} holding null sets
 * the field to null ("no limit" for lists, "no expiry" for {@code expiresAt}).
 */
public record KeyChanges(Change<String> name, Change<String> description, Change<Long> expiresAt,
                         Change<List<String>> scopes, Change<List<String>> clients, Change<List<String>> roles,
                         Change<Boolean> enabled, Change<List<String>> allowedCidrs) {

    /** The first seven fields, {@code allowedCidrs} not given. */
    public KeyChanges(Change<String> name, Change<String> description, Change<Long> expiresAt,
                      Change<List<String>> scopes, Change<List<String>> clients, Change<List<String>> roles,
                      Change<Boolean> enabled) {
        this(name, description, expiresAt, scopes, clients, roles, enabled, null);
    }
}
