package dev.accesskeys.cache;

import java.util.List;

import dev.accesskeys.model.AccessKey;

/**
 * A detached, read-only copy of a key as it was when a secret last verified against it on this node. Only the
 * verification path reads it; every change goes through the stored key, which invalidates this copy cluster-wide.
 */
final class CachedAccessKey implements AccessKey {

    private final String id;
    private final String realmId;
    private final String userId;
    private final String name;
    private final String description;
    private final String secretHash;
    private final boolean enabled;
    private final List<String> scopes;
    private final List<String> clients;
    private final List<String> roles;
    private final long createdAt;
    private final String createdBy;
    private final Long expiresAt;
    private final Long revokedAt;
    private final Long lastUsedAt;
    private final String lastUsedIp;
    private final String previousSecretHash;
    private final Long previousSecretExpiresAt;
    private final Long rotatedAt;
    private final List<String> allowedCidrs;

    CachedAccessKey(AccessKey key) {
        this(key, key.getRevokedAt());
    }

    private CachedAccessKey(AccessKey key, Long revokedAt) {
        this.id = key.getId();
        this.realmId = key.getRealmId();
        this.userId = key.getUserId();
        this.name = key.getName();
        this.description = key.getDescription();
        this.secretHash = key.getSecretHash();
        this.enabled = key.isEnabled();
        this.scopes = copy(key.getScopes());
        this.clients = copy(key.getClients());
        this.roles = copy(key.getRoles());
        this.createdAt = key.getCreatedAt();
        this.createdBy = key.getCreatedBy();
        this.expiresAt = key.getExpiresAt();
        this.revokedAt = revokedAt;
        this.lastUsedAt = key.getLastUsedAt();
        this.lastUsedIp = key.getLastUsedIp();
        // the previous secret is kept with its expiry: verification compares the expiry with the clock on every use,
        // so a cached copy never lets the old secret work past it
        this.previousSecretHash = key.getPreviousSecretHash();
        this.previousSecretExpiresAt = key.getPreviousSecretExpiresAt();
        this.rotatedAt = key.getRotatedAt();
        this.allowedCidrs = copy(key.getAllowedCidrs());
    }

    /** This copy as the key is once revoked at {@code at}: revocation is final, so it can stand in for the stored key. */
    CachedAccessKey revoked(long at) {
        return new CachedAccessKey(this, revokedAt == null ? at : revokedAt);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? null : List.copyOf(values);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a cached access key is read-only; change the stored key");
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getRealmId() {
        return realmId;
    }

    @Override
    public String getUserId() {
        return userId;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String name) {
        throw readOnly();
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public void setDescription(String description) {
        throw readOnly();
    }

    @Override
    public String getSecretHash() {
        return secretHash;
    }

    @Override
    public void setSecretHash(String secretHash) {
        throw readOnly();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        throw readOnly();
    }

    @Override
    public List<String> getScopes() {
        return scopes;
    }

    @Override
    public void setScopes(List<String> scopes) {
        throw readOnly();
    }

    @Override
    public List<String> getClients() {
        return clients;
    }

    @Override
    public void setClients(List<String> clients) {
        throw readOnly();
    }

    @Override
    public List<String> getRoles() {
        return roles;
    }

    @Override
    public void setRoles(List<String> roles) {
        throw readOnly();
    }

    @Override
    public long getCreatedAt() {
        return createdAt;
    }

    @Override
    public String getCreatedBy() {
        return createdBy;
    }

    @Override
    public Long getExpiresAt() {
        return expiresAt;
    }

    @Override
    public void setExpiresAt(Long expiresAt) {
        throw readOnly();
    }

    @Override
    public Long getRevokedAt() {
        return revokedAt;
    }

    @Override
    public void setRevokedAt(Long revokedAt) {
        throw readOnly();
    }

    @Override
    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    @Override
    public String getLastUsedIp() {
        return lastUsedIp;
    }

    @Override
    public String getPreviousSecretHash() {
        return previousSecretHash;
    }

    @Override
    public Long getPreviousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    @Override
    public void setPreviousSecret(String secretHash, Long expiresAt) {
        throw readOnly();
    }

    @Override
    public Long getRotatedAt() {
        return rotatedAt;
    }

    @Override
    public void setRotatedAt(Long rotatedAt) {
        throw readOnly();
    }

    @Override
    public List<String> getAllowedCidrs() {
        return allowedCidrs;
    }

    @Override
    public void setAllowedCidrs(List<String> allowedCidrs) {
        throw readOnly();
    }

    /** Not needed to verify: the notices are the expiry task's, which reads stored keys. */
    @Override
    public Long getNoticeExpiresAt() {
        return null;
    }

    @Override
    public Integer getNoticeDays() {
        return null;
    }

}
