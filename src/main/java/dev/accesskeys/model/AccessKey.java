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

    default AccessKeyStatus getStatus(long now) {
        return AccessKeyStatus.of(isEnabled(), getRevokedAt(), getExpiresAt(), now);
    }
}
