package dev.accesskeys.model;

import java.util.List;

/**
 * A stored access key. The secret itself is never held: only its hash.
 * {@code scopes}, {@code clients} and {@code roles} are null for "no limit".
 */
public interface AccessKey {

    String getId();

    String getRealmId();

    String getUserId();

    String getName();

    void setName(String name);

    String getDescription();

    void setDescription(String description);

    String getSecretHash();

    void setSecretHash(String secretHash);

    boolean isEnabled();

    void setEnabled(boolean enabled);

    List<String> getScopes();

    void setScopes(List<String> scopes);

    List<String> getClients();

    void setClients(List<String> clients);

    List<String> getRoles();

    void setRoles(List<String> roles);

    long getCreatedAt();

    String getCreatedBy();

    Long getExpiresAt();

    void setExpiresAt(Long expiresAt);

    Long getRevokedAt();

    void setRevokedAt(Long revokedAt);

    Long getLastUsedAt();

    String getLastUsedIp();

    /** Hash of the secret a rotate with overlap replaced, or null; it verifies until {@link #getPreviousSecretExpiresAt()}. */
    default String getPreviousSecretHash() {
        return null;
    }

    /** Until when (epoch ms, exclusive) the previous secret still verifies, or null when there is none. */
    default Long getPreviousSecretExpiresAt() {
        return null;
    }

    /** Sets or (with nulls) ends the previous secret of a rotate with overlap. */
    default void setPreviousSecret(String secretHash, Long expiresAt) {
        throw new UnsupportedOperationException("previous secret");
    }

    /** Time of the last rotate (epoch ms), or null when the secret was never rotated. */
    default Long getRotatedAt() {
        return null;
    }

    default void setRotatedAt(Long rotatedAt) {
        throw new UnsupportedOperationException("rotatedAt");
    }

    /** CIDR blocks (normalised, e.g. {@code 10.0.0.0/8}, {@code ::1/128}) the key may be used from; null = anywhere. */
    default List<String> getAllowedCidrs() {
        return null;
    }

    default void setAllowedCidrs(List<String> allowedCidrs) {
        throw new UnsupportedOperationException("allowedCidrs");
    }

    /** The expiry the last expiry e-mail was sent for, or null. */
    default Long getNoticeExpiresAt() {
        return null;
    }

    /** The smallest threshold (days before expiry) already notified for {@link #getNoticeExpiresAt()}, or null. */
    default Integer getNoticeDays() {
        return null;
    }

    default AccessKeyStatus getStatus(long now) {
        return AccessKeyStatus.of(isEnabled(), getRevokedAt(), getExpiresAt(), now);
    }
}
