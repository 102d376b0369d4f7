package dev.accesskeys.rest;

import java.util.List;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.IssuedKey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A key as the REST APIs show it. {@code secret} is set only in the answer to create and rotate; every other field is
 * always present, null when there is none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "secret", "name", "description", "status", "enabled", "scopes", "clients", "roles",
        "createdAt", "expiresAt", "lastUsedAt", "revokedAt", "lastUsedIp", "userId", "username", "createdBy", "allowedCidrs",
        "rotatedAt", "previousSecretExpiresAt"})
public final class AccessKeyRepresentation {

    public String id;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String secret;
    public String name;
    public String description;
    public String status;
    public boolean enabled;
    public List<String> scopes;
    public List<String> clients;
    public List<String> roles;
    public long createdAt;
    public Long expiresAt;
    public Long lastUsedAt;
    public Long revokedAt;
    public String lastUsedIp;
    public String userId;
    /** the owner's username, null when the owner no longer exists */
    public String username;
    public String createdBy;
    public List<String> allowedCidrs;
    public Long rotatedAt;
    /** Until when the secret replaced by a rotate with overlap still works; null when none does (any more). */
    public Long previousSecretExpiresAt;

    public static AccessKeyRepresentation of(AccessKey key) {
        return of(key, OwnerNames.ofRequest());
    }

    private static AccessKeyRepresentation of(AccessKey key, OwnerNames owners) {
        long now = AccessKeyService.now();
        AccessKeyRepresentation rep = new AccessKeyRepresentation();
        rep.id = key.getId();
        rep.name = key.getName();
        rep.description = key.getDescription();
        rep.status = key.getStatus(now).value();
        rep.enabled = key.isEnabled();
        rep.scopes = key.getScopes();
        rep.clients = key.getClients();
        rep.roles = key.getRoles();
        rep.createdAt = key.getCreatedAt();
        rep.expiresAt = key.getExpiresAt();
        rep.lastUsedAt = key.getLastUsedAt();
        rep.revokedAt = key.getRevokedAt();
        rep.lastUsedIp = key.getLastUsedIp();
        rep.userId = key.getUserId();
        rep.username = owners.username(key.getRealmId(), key.getUserId());
        rep.createdBy = key.getCreatedBy();
        rep.allowedCidrs = key.getAllowedCidrs();
        rep.rotatedAt = key.getRotatedAt();
        Long previousUntil = key.getPreviousSecretExpiresAt();
        rep.previousSecretExpiresAt = previousUntil != null && previousUntil > now ? previousUntil : null;
        return rep;
    }

    /** A page of keys as the list endpoints show it. */
    public static List<AccessKeyRepresentation> list(List<AccessKey> keys) {
        OwnerNames owners = OwnerNames.ofRequest();
        return keys.stream().map(key -> of(key, owners)).toList();
    }

    /** The representation with the secret: only for the response that issued it, never for events. */
    public static AccessKeyRepresentation withSecret(IssuedKey issued) {
        AccessKeyRepresentation rep = of(issued.key());
        rep.secret = issued.secret();
        return rep;
    }
}
