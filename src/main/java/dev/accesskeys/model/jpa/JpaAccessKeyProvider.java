package dev.accesskeys.model.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.model.NewAccessKey;
import dev.accesskeys.model.OwnerBusyException;

import org.hibernate.jpa.HibernateHints;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.UserEntity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

final class JpaAccessKeyProvider implements AccessKeyProvider {

    private final EntityManager em;

    JpaAccessKeyProvider(EntityManager em) {
        this.em = em;
    }

    @Override
    public AccessKey create(RealmModel realm, NewAccessKey key) {
        AccessKeyEntity entity = new AccessKeyEntity();
        entity.setId(key.id());
        entity.setRealmId(realm.getId());
        entity.setUserId(key.userId());
        entity.setName(key.name());
        entity.setDescription(key.description());
        entity.setSecretHash(key.secretHash());
        entity.setEnabled(key.enabled());
        entity.setScopes(AccessKeyAdapter.toJson(key.scopes()));
        entity.setClients(AccessKeyAdapter.toJson(key.clients()));
        entity.setRoles(AccessKeyAdapter.toJson(key.roles()));
        entity.setCreatedAt(key.createdAt());
        entity.setCreatedBy(key.createdBy());
        entity.setExpiresAt(key.expiresAt());
        em.persist(entity);
        em.flush();
        return new AccessKeyAdapter(entity);
    }

    @Override
    public AccessKey getById(RealmModel realm, String id) {
        AccessKeyEntity entity = em.find(AccessKeyEntity.class, id);
        if (entity == null || !entity.getRealmId().equals(realm.getId())) {
            return null;
        }
        return new AccessKeyAdapter(entity);
    }

    @Override
    public Stream<AccessKey> search(RealmModel realm, AccessKeyQuery query, long now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AccessKeyEntity> cq = cb.createQuery(AccessKeyEntity.class);
        Root<AccessKeyEntity> key = cq.from(AccessKeyEntity.class);
        cq.select(key).where(filters(cb, key, realm, query, now)).orderBy(order(cb, key, query));
        return em.createQuery(cq)
                .setFirstResult(query.first())
                .setMaxResults(query.max())
                .getResultStream()
                .map(AccessKeyAdapter::new);
    }

    @Override
    public long count(RealmModel realm, AccessKeyQuery query, long now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<AccessKeyEntity> key = cq.from(AccessKeyEntity.class);
        cq.select(cb.count(key)).where(filters(cb, key, realm, query, now));
        return em.createQuery(cq).getSingleResult();
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<AccessKeyEntity> key, RealmModel realm, AccessKeyQuery query,
                                       long now) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(key.get("realmId"), realm.getId()));
        if (query.userId() != null) {
            where.add(cb.equal(key.get("userId"), query.userId()));
        }
        if (query.search() != null && !query.search().isBlank()) {
            String pattern = "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%";
            where.add(cb.or(cb.like(cb.lower(key.get("name")), pattern, '\\'),
                    cb.like(cb.lower(key.get("id")), pattern, '\\')));
        }
        if (query.status() != null) {
            where.add(statusIs(cb, key, query.status(), now));
        }
        return where.toArray(Predicate[]::new);
    }

    /** The query's order, "none" (never expires, never used) last on every database, then the ID for a stable page. */
    private static List<Order> order(CriteriaBuilder cb, Root<AccessKeyEntity> key, AccessKeyQuery query) {
        if (query.sort() == null) {
            return List.of(cb.desc(key.get("createdAt")), cb.asc(key.get("id")));
        }
        List<Order> order = new ArrayList<>();
        Expression<?> column = switch (query.sort()) {
            case NAME -> cb.lower(key.get("name"));
            case CREATED_AT -> key.get("createdAt");
            case EXPIRES_AT -> key.get("expiresAt");
            case LAST_USED_AT -> key.get("lastUsedAt");
        };
        if (query.sort() == AccessKeyQuery.Sort.EXPIRES_AT || query.sort() == AccessKeyQuery.Sort.LAST_USED_AT) {
            order.add(cb.asc(cb.selectCase().when(cb.isNull(column), 1).otherwise(0)));
        }
        order.add(query.descending() ? cb.desc(column) : cb.asc(column));
        order.add(cb.asc(key.get("id")));
        return order;
    }

    private static Predicate statusIs(CriteriaBuilder cb, Root<AccessKeyEntity> key, AccessKeyStatus status, long now) {
        Predicate notRevoked = cb.isNull(key.get("revokedAt"));
        Predicate expired = cb.and(cb.isNotNull(key.get("expiresAt")), cb.le(key.get("expiresAt"), now));
        Predicate notExpired = cb.or(cb.isNull(key.get("expiresAt")), cb.gt(key.get("expiresAt"), now));
        return switch (status) {
            case REVOKED -> cb.isNotNull(key.get("revokedAt"));
            case EXPIRED -> cb.and(notRevoked, expired);
            case DISABLED -> cb.and(notRevoked, notExpired, cb.isFalse(key.get("enabled")));
            case ACTIVE -> cb.and(notRevoked, notExpired, cb.isTrue(key.get("enabled")));
        };
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public long countNotRevoked(RealmModel realm, String userId) {
        return em.createNamedQuery("AccessKey.countNotRevoked", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .getSingleResult();
    }

    @Override
    public List<String> lockOwnerAndReadKeyNames(RealmModel realm, String userId) {
        // The owner's user row is the lock: SELECT ... FOR UPDATE on every supported database. Users of a federation
        // provider without a local row are not locked (documented limitation); the locking read below still is.
        try {
            UserEntity owner = em.find(UserEntity.class, userId);
            if (owner != null) {
                em.lock(owner, LockModeType.PESSIMISTIC_WRITE);
            }
            return em.createNamedQuery("AccessKey.notRevokedOfUser", AccessKeyEntity.class)
                    .setParameter("realmId", realm.getId())
                    .setParameter("userId", userId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    // read for their names only: no snapshots, no dirty checking of the user's keys at flush
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultStream()
                    .map(AccessKeyEntity::getName)
                    .toList();
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new OwnerBusyException("the keys of user " + userId + " are locked by other changes", e);
        }
    }

    @Override
    public boolean recordUse(RealmModel realm, String id, long at, String ip, long notBefore) {
        return em.createNamedQuery("AccessKey.recordUse")
                .setParameter("at", at)
                .setParameter("ip", ip)
                .setParameter("id", id)
                .setParameter("realmId", realm.getId())
                .setParameter("notBefore", notBefore)
                .executeUpdate() > 0;
    }

    @Override
    public boolean remove(RealmModel realm, String id) {
        return em.createNamedQuery("AccessKey.deleteById")
                .setParameter("id", id)
                .setParameter("realmId", realm.getId())
                .executeUpdate() > 0;
    }

    @Override
    public void removeByUser(RealmModel realm, String userId) {
        em.createNamedQuery("AccessKey.deleteByUser")
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public void removeByRealm(String realmId) {
        em.createNamedQuery("AccessKey.deleteByRealm")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    @Override
    public void close() {
    }
}
