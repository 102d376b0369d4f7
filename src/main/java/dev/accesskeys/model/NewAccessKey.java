package dev.accesskeys.model;

import java.util.List;

/** Everything needed to store a new key; validated by the service before it reaches a provider. */
public record NewAccessKey(String id, String userId, String name, String description, String secretHash,
                           boolean enabled, List<String> scopes, List<String> clients, List<String> roles,
                           long createdAt, String createdBy, Long expiresAt,
                           List<String> allowedCidrs) {
}
