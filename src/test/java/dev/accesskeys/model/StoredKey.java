package dev.accesskeys.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain test data for unit tests: a key as the store would return it. Its fields are open so a test sets what it
 * needs (secret hash, enabled, revokedAt, scopes); the setters of {@link AccessKey} do nothing.
 */
public final class StoredKey implements AccessKey {
    public final String realmId;
    public final String id;
    public final String userId;
    public final List<String> scopes = new ArrayList<>(List.of("email"));
    public String secretHash;
    public boolean enabled = true;
    public Long revokedAt;

    /** An enabled key with scope {@code email} and secret hash {@code "hash-" + id}. */
    public StoredKey(String realmId, String id, String userId) {
        this.realmId = realmId;
        this.id = id;
        this.userId = userId;
        this.secretHash = "hash-" + id;
    }

    @Override public String getId() { return id; }
    @Override public String getRealmId() { return realmId; }
    @Override public String getUserId() { return userId; }
    @Override public String getName() { return "name-" + id; }
    @Override public void setName(String name) { }
    @Override public String getDescription() { return null; }
    @Override public void setDescription(String description) { }
    @Override public String getSecretHash() { return secretHash; }
    @Override public void setSecretHash(String secretHash) { }
    @Override public boolean isEnabled() { return enabled; }
    @Override public void setEnabled(boolean enabled) { }
    @Override public List<String> getScopes() { return scopes; }
    @Override public void setScopes(List<String> scopes) { }
    @Override public List<String> getClients() { return null; }
    @Override public void setClients(List<String> clients) { }
    @Override public List<String> getRoles() { return null; }
    @Override public void setRoles(List<String> roles) { }
    @Override public long getCreatedAt() { return 0; }
    @Override public String getCreatedBy() { return userId; }
    @Override public Long getExpiresAt() { return null; }
    @Override public void setExpiresAt(Long expiresAt) { }
    @Override public Long getRevokedAt() { return revokedAt; }
    @Override public void setRevokedAt(Long revokedAt) { }
    @Override public Long getLastUsedAt() { return null; }
    @Override public String getLastUsedIp() { return null; }
}
