package dev.accesskeys.service;

import java.util.List;

import dev.accesskeys.model.KeyPolicy;

/** What a user may choose for a key, and the limits that apply. */
public record KeyOptions(List<ScopeOption> scopes, List<ClientOption> clients, List<String> roles, KeyPolicy policy,
                         long activeKeys) {

    public record ScopeOption(String name, String description) {
    }

    public record ClientOption(String clientId, String name) {
    }
}
