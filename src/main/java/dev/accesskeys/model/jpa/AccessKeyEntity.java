package dev.accesskeys.model.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** Row of {@code ACCESS_KEY}; list columns hold JSON arrays, null for "no limit". */
@Entity
@Table(name = "ACCESS_KEY")
@Access(AccessType.FIELD)
@NamedQueries({
        @NamedQuery(name = "AccessKey.countNotRevoked", query = "select count(k) from AccessKeyEntity k"
                + " where k.realmId = :realmId and k.userId = :userId and k.revokedAt is null"),
        @NamedQuery(name = "AccessKey.countAll", query = "select count(k) from AccessKeyEntity k"
                + " where k.realmId = :realmId and k.userId = :userId"),
        @NamedQuery(name = "AccessKey.notRevokedOfUser", query = "select k from AccessKeyEntity k"
                + " where k.realmId = :realmId and k.userId = :userId and k.revokedAt is null"),
        @NamedQuery(name = "AccessKey.namesNotRevokedOfUser", query = "select k.name from AccessKeyEntity k"
                + " where k.realmId = :realmId and k.userId = :userId and k.revokedAt is null"),
        @NamedQuery(name = "AccessKey.deleteById", query = "delete from AccessKeyEntity k where k.id = :id and k.realmId = :realmId"),
        @NamedQuery(name = "AccessKey.deleteByUser", query = "delete from AccessKeyEntity k where k.realmId = :realmId and k.userId = :userId"),
        @NamedQuery(name = "AccessKey.bySecretHash", query = "select k from AccessKeyEntity k where k.realmId = :realmId"
                + " and (k.secretHash in :hashes or k.previousSecretHash in :hashes)"),
        @NamedQuery(name = "AccessKey.expiringEnabled", query = "select k from AccessKeyEntity k where k.realmId = :realmId"
                + " and k.revokedAt is null and k.enabled = true and k.expiresAt > :now and k.expiresAt <= :until"),
        @NamedQuery(name = "AccessKey.purge", query = "delete from AccessKeyEntity k where k.realmId = :realmId"
                + " and (k.revokedAt < :before or k.expiresAt < :before)"),
        @NamedQuery(name = "AccessKey.bindExpiry", query = "update AccessKeyEntity k set k.expiresAt = :latest"
                + " where k.realmId = :realmId and k.revokedAt is null and (k.expiresAt is null or k.expiresAt > :latest)"),
        @NamedQuery(name = "AccessKey.bindMissingExpiry", query = "update AccessKeyEntity k set k.expiresAt = :latest"
                + " where k.realmId = :realmId and k.revokedAt is null and k.expiresAt is null"),
        @NamedQuery(name = "AccessKey.idsIn", query = "select k.id from AccessKeyEntity k where k.id in :ids"),
        @NamedQuery(name = "AccessKey.byIds", query = "select k from AccessKeyEntity k where k.id in :ids"),
        @NamedQuery(name = "AccessKey.createdNewestFirst", query = "select k.createdAt from AccessKeyEntity k"
                + " where k.realmId = :realmId order by k.createdAt desc"),
        @NamedQuery(name = "AccessKey.deleteByRealm", query = "delete from AccessKeyEntity k where k.realmId = :realmId")
})
public class AccessKeyEntity {

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Column(name = "SECRET_HASH", length = 64, nullable = false)
    private String secretHash;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "SCOPES")
    private String scopes;

    @Column(name = "CLIENTS")
    private String clients;

    @Column(name = "ROLES")
    private String roles;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    @Column(name = "LAST_USED_IP", length = 64)
    private String lastUsedIp;

    @Column(name = "PREV_SECRET_HASH", length = 64)
    private String previousSecretHash;

    @Column(name = "PREV_SECRET_EXPIRES")
    private Long previousSecretExpiresAt;

    @Column(name = "ROTATED_AT")
    private Long rotatedAt;

    @Column(name = "ALLOWED_CIDRS")
    private String allowedCidrs;

    @Column(name = "NOTICE_EXPIRES_AT")
    private Long noticeExpiresAt;

    @Column(name = "NOTICE_DAYS")
    private Integer noticeDays;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSecretHash() { return secretHash; }
    public void setSecretHash(String secretHash) { this.secretHash = secretHash; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }
    public String getClients() { return clients; }
    public void setClients(String clients) { this.clients = clients; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public Long getRevokedAt() { return revokedAt; }
    public void setRevokedAt(Long revokedAt) { this.revokedAt = revokedAt; }
    public Long getLastUsedAt() { return lastUsedAt; }
    public void setLastUsedAt(Long lastUsedAt) { this.lastUsedAt = lastUsedAt; }
    public String getLastUsedIp() { return lastUsedIp; }
    public void setLastUsedIp(String lastUsedIp) { this.lastUsedIp = lastUsedIp; }
    public String getPreviousSecretHash() { return previousSecretHash; }
    public void setPreviousSecretHash(String previousSecretHash) { this.previousSecretHash = previousSecretHash; }
    public Long getPreviousSecretExpiresAt() { return previousSecretExpiresAt; }
    public void setPreviousSecretExpiresAt(Long previousSecretExpiresAt) { this.previousSecretExpiresAt = previousSecretExpiresAt; }
    public Long getRotatedAt() { return rotatedAt; }
    public void setRotatedAt(Long rotatedAt) { this.rotatedAt = rotatedAt; }
    public String getAllowedCidrs() { return allowedCidrs; }
    public void setAllowedCidrs(String allowedCidrs) { this.allowedCidrs = allowedCidrs; }
    public Long getNoticeExpiresAt() { return noticeExpiresAt; }
    public void setNoticeExpiresAt(Long noticeExpiresAt) { this.noticeExpiresAt = noticeExpiresAt; }
    public Integer getNoticeDays() { return noticeDays; }
    public void setNoticeDays(Integer noticeDays) { this.noticeDays = noticeDays; }
}
