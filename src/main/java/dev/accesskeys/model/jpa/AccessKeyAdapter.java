package dev.accesskeys.model.jpa;

import java.io.IOException;
import java.util.List;

import dev.accesskeys.model.AccessKey;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@link AccessKey} over a managed {@link AccessKeyEntity}: setters write through at commit. */
final class AccessKeyAdapter implements AccessKey {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final AccessKeyEntity entity;

    AccessKeyAdapter(AccessKeyEntity entity) {
        this.entity = entity;
    }

    static String toJson(List<String> values) {
        if (values == null) {
            return null;
        }
        try {
            return JsonSerialization.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a list of strings", e);
        }
    }

    static List<String> fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return List.copyOf(JsonSerialization.readValue(json, STRING_LIST));
        } catch (IOException e) {
            throw new IllegalStateException("stored list is not a JSON array of strings", e);
        }
    }

    @Override public String getId() { return entity.getId(); }
    @Override public String getRealmId() { return entity.getRealmId(); }
    @Override public String getUserId() { return entity.getUserId(); }
    @Override public String getName() { return entity.getName(); }
    @Override public void setName(String name) { entity.setName(name); }
    @Override public String getDescription() { return entity.getDescription(); }
    @Override public void setDescription(String description) { entity.setDescription(description); }
    @Override public String getSecretHash() { return entity.getSecretHash(); }
    @Override public void setSecretHash(String secretHash) { entity.setSecretHash(secretHash); }
    @Override public boolean isEnabled() { return entity.isEnabled(); }
    @Override public void setEnabled(boolean enabled) { entity.setEnabled(enabled); }
    @Override public List<String> getScopes() { return fromJson(entity.getScopes()); }
    @Override public void setScopes(List<String> scopes) { entity.setScopes(toJson(scopes)); }
    @Override public List<String> getClients() { return fromJson(entity.getClients()); }
    @Override public void setClients(List<String> clients) { entity.setClients(toJson(clients)); }
    @Override public List<String> getRoles() { return fromJson(entity.getRoles()); }
    @Override public void setRoles(List<String> roles) { entity.setRoles(toJson(roles)); }
    @Override public long getCreatedAt() { return entity.getCreatedAt(); }
    @Override public String getCreatedBy() { return entity.getCreatedBy(); }
    @Override public Long getExpiresAt() { return entity.getExpiresAt(); }
    @Override public void setExpiresAt(Long expiresAt) { entity.setExpiresAt(expiresAt); }
    @Override public Long getRevokedAt() { return entity.getRevokedAt(); }
    @Override public void setRevokedAt(Long revokedAt) { entity.setRevokedAt(revokedAt); }
    @Override public Long getLastUsedAt() { return entity.getLastUsedAt(); }
    @Override public String getLastUsedIp() { return entity.getLastUsedIp(); }
    @Override public String getPreviousSecretHash() { return entity.getPreviousSecretHash(); }
    @Override public Long getPreviousSecretExpiresAt() { return entity.getPreviousSecretExpiresAt(); }
    @Override public void setPreviousSecret(String secretHash, Long expiresAt) {
        entity.setPreviousSecretHash(secretHash);
        entity.setPreviousSecretExpiresAt(expiresAt);
    }
    @Override public Long getRotatedAt() { return entity.getRotatedAt(); }
    @Override public void setRotatedAt(Long rotatedAt) { entity.setRotatedAt(rotatedAt); }
    @Override public List<String> getAllowedCidrs() { return fromJson(entity.getAllowedCidrs()); }
    @Override public void setAllowedCidrs(List<String> allowedCidrs) { entity.setAllowedCidrs(toJson(allowedCidrs)); }
    @Override public Long getNoticeExpiresAt() { return entity.getNoticeExpiresAt(); }
    @Override public Integer getNoticeDays() { return entity.getNoticeDays(); }
}
