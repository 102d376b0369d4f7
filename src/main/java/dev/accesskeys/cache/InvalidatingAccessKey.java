package dev.accesskeys.cache;

import java.util.List;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.KeyUse;

/**
 * A stored key as the caching store hands it out: reads go to the stored key, except that a last use this node has
 * not written yet ({@link LastUseStamps}) shows as the last use; the first change invalidates the key's verified copies
 * on every node once the transaction ends ({@link VerifiedKeyCache#invalidateAfterCompletion}).
 */
final class InvalidatingAccessKey implements AccessKey {

    private final AccessKey delegate;
    private final Runnable invalidation;
    private final KeyUse pendingUse;
    private boolean invalidated;

    /** @param pendingUse this node's use of the key not written yet, or null */
    InvalidatingAccessKey(AccessKey delegate, Runnable invalidation, KeyUse pendingUse) {
        this.delegate = delegate;
        this.invalidation = invalidation;
        this.pendingUse = pendingUse;
    }

    /** Whether this node holds a use of the key later than the stored one. */
    private boolean usedSinceStored() {
        Long stored = delegate.getLastUsedAt();
        return pendingUse != null && (stored == null || pendingUse.at() > stored);
    }

    private void changing() {
        if (!invalidated) {
            invalidated = true;
            invalidation.run();
        }
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public String getRealmId() {
        return delegate.getRealmId();
    }

    @Override
    public String getUserId() {
        return delegate.getUserId();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public void setName(String name) {
        changing();
        delegate.setName(name);
    }

    @Override
    public String getDescription() {
        return delegate.getDescription();
    }

    @Override
    public void setDescription(String description) {
        changing();
        delegate.setDescription(description);
    }

    @Override
    public String getSecretHash() {
        return delegate.getSecretHash();
    }

    @Override
    public void setSecretHash(String secretHash) {
        changing();
        delegate.setSecretHash(secretHash);
    }

    @Override
    public boolean isEnabled() {
        return delegate.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        changing();
        delegate.setEnabled(enabled);
    }

    @Override
    public List<String> getScopes() {
        return delegate.getScopes();
    }

    @Override
    public void setScopes(List<String> scopes) {
        changing();
        delegate.setScopes(scopes);
    }

    @Override
    public List<String> getClients() {
        return delegate.getClients();
    }

    @Override
    public void setClients(List<String> clients) {
        changing();
        delegate.setClients(clients);
    }

    @Override
    public List<String> getRoles() {
        return delegate.getRoles();
    }

    @Override
    public void setRoles(List<String> roles) {
        changing();
        delegate.setRoles(roles);
    }

    @Override
    public long getCreatedAt() {
        return delegate.getCreatedAt();
    }

    @Override
    public String getCreatedBy() {
        return delegate.getCreatedBy();
    }

    @Override
    public Long getExpiresAt() {
        return delegate.getExpiresAt();
    }

    @Override
    public void setExpiresAt(Long expiresAt) {
        changing();
        delegate.setExpiresAt(expiresAt);
    }

    @Override
    public Long getRevokedAt() {
        return delegate.getRevokedAt();
    }

    @Override
    public void setRevokedAt(Long revokedAt) {
        changing();
        delegate.setRevokedAt(revokedAt);
    }

    @Override
    public Long getLastUsedAt() {
        return usedSinceStored() ? Long.valueOf(pendingUse.at()) : delegate.getLastUsedAt();
    }

    @Override
    public String getLastUsedIp() {
        return usedSinceStored() ? pendingUse.ip() : delegate.getLastUsedIp();
    }

    @Override
    public String getPreviousSecretHash() {
        return delegate.getPreviousSecretHash();
    }

    @Override
    public Long getPreviousSecretExpiresAt() {
        return delegate.getPreviousSecretExpiresAt();
    }

    @Override
    public void setPreviousSecret(String secretHash, Long expiresAt) {
        changing();
        delegate.setPreviousSecret(secretHash, expiresAt);
    }

    @Override
    public Long getRotatedAt() {
        return delegate.getRotatedAt();
    }

    @Override
    public void setRotatedAt(Long rotatedAt) {
        changing();
        delegate.setRotatedAt(rotatedAt);
    }

    @Override
    public List<String> getAllowedCidrs() {
        return delegate.getAllowedCidrs();
    }

    @Override
    public void setAllowedCidrs(List<String> allowedCidrs) {
        changing();
        delegate.setAllowedCidrs(allowedCidrs);
    }

    @Override
    public Long getNoticeExpiresAt() {
        return delegate.getNoticeExpiresAt();
    }

    @Override
    public Integer getNoticeDays() {
        return delegate.getNoticeDays();
    }

}
