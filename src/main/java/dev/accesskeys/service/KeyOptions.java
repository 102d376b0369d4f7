package dev.accesskeys.service;

import java.util.List;

import dev.accesskeys.model.KeyPolicy;

/** What a user may choose for a key, and the limits that apply. */
public record KeyOptions(List<ScopeOption> scopes, List<ClientOption> clients, List<RoleOption> roles, KeyPolicy policy,
                         long activeKeys) {

    /**
     * @param displayName the scope's consent text in the user's language (its name when it has none)
     * @param internal    a scope of Keycloak's machinery that people rarely choose (see {@link InternalChoices})
     */
    public record ScopeOption(String name, String description, String displayName, boolean internal) {
    }

    /** @param appPasswords the client's direct grant runs the access-key authenticator (key ID + secret as a password) */
    public record ClientOption(String clientId, String name, boolean appPasswords) {
    }

    /**
     * @param name     {@code role} or {@code clientId/role}, as a key's {@code roles} list names it
     * @param internal a role of Keycloak's machinery that people rarely choose (see {@link InternalChoices})
     */
    public record RoleOption(String name, String description, boolean internal) {
    }
}
