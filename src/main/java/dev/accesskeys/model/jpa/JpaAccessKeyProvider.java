package dev.accesskeys.model.jpa;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.model.KeyUse;
import dev.accesskeys.model.NewAccessKey;
import dev.accesskeys.model.OwnerBusyException;

import org.hibernate.LockOptions;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.jpa.SpecHints;
import org.hibernate.persister.entity.AbstractEntityPersister;
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
    private final int recentWindow;
    private final CommittedReads committedReads;

    JpaAccessKeyProvider(EntityManager em, int recentWindow, CommittedReads committedReads) {
        this.em = em;
        this.recentWindow = recentWindow;
        this.committedReads = committedReads;
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
        entity.setAllowedCidrs(AccessKeyAdapter.toJson(key.allowedCidrs()));
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

    /** How many of the realm's newest keys a newest-first search looks at first ({@link #search}), by default. */
    static final int DEFAULT_RECENT_WINDOW = 5_000;

    /**
     * A newest-first search (the listings' default order) looks in two steps, so that neither a term with few matches
     * nor one with many reads much: first among the realm's newest keys (option {@code searchRecentWindow}, default
     * {@value #DEFAULT_RECENT_WINDOW}; a bounded range of the (realm, created) index), which answers a term that
     * matches a fair share of the keys; only when that window holds less than the page does it ask each arm of the
     * term for its newest matches ({@link #newestMatches}). Without the first step a term that matches most keys (a
     * key-ID prefix of one character) would gather them all; without the second a rare term would walk the whole
     * realm in creation order.
     */
    @Override
    public Stream<AccessKey> search(RealmModel realm, AccessKeyQuery query, long now) {
        boolean searching = query.search() != null && !query.search().isBlank();
        if (!searching || query.sort() != null) {
            return page(realm, query, now, null);
        }
        Long windowStart = recentWindowStart(realm);
        if (windowStart != null) {
            List<AccessKey> recent = page(realm, query, now, windowStart).toList();
            if (recent.size() == query.max()) {
                return recent.stream();
            }
        }
        return newestMatches(realm, query, now);
    }

    /**
     * The page of a newest-first search, one arm at a time: each arm (name prefix, key-ID prefix, owner) reads only the
     * key ID and creation time of its newest {@code first + max} matches through its own index - on PostgreSQL the
     * name arm's index holds every column this needs (changeset 20261129-search-covering), so ten thousand matches
     * are read from the index alone instead of from as many table pages - then the page's keys are read by ID.
     * The name and key-ID arms order by an expression no index has, so the database gathers their matches through
     * the arm's index and keeps the newest, instead of walking the creation-order index until the page is full.
     */
    private Stream<AccessKey> newestMatches(RealmModel realm, AccessKeyQuery query, long now) {
        List<Match> matches = new ArrayList<>();
        for (Arm arm : arms(realm, query.search().trim())) {
            matches.addAll(newestOfArm(realm, query, now, arm.where(), !arm.indexedByCreation()));
        }
        List<String> ids = matches.stream()
                .sorted(Comparator.comparingLong(Match::createdAt).reversed().thenComparing(Match::id))
                .map(Match::id)
                .distinct()
                .skip(query.first())
                .limit(query.max())
                .toList();
        if (ids.isEmpty()) {
            return Stream.empty();
        }
        Map<String, AccessKeyEntity> byId = new HashMap<>();
        em.createNamedQuery("AccessKey.byIds", AccessKeyEntity.class).setParameter("ids", ids).getResultStream()
                .forEach(entity -> byId.put(entity.getId(), entity));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(AccessKeyAdapter::new);
    }

    /** A key that matches the term: its ID and creation time. */
    private record Match(String id, long createdAt) {
    }

    /** The newest {@code first + max} matches of one arm of the term, under the query's other filters. */
    private List<Match> newestOfArm(RealmModel realm, AccessKeyQuery query, long now,
                                    Function<Root<AccessKeyEntity>, Predicate> arm, boolean gatherThenSort) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<AccessKeyEntity> key = cq.from(AccessKeyEntity.class);
        List<Predicate> where = new ArrayList<>(otherFilters(cb, key, realm, query, now));
        where.add(arm.apply(key));
        Expression<Long> created = key.get("createdAt");
        cq.multiselect(key.get("id"), created)
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(gatherThenSort ? cb.sum(created, cb.literal(0L)) : created), cb.asc(key.get("id")));
        return em.createQuery(cq)
                .setMaxResults(query.first() + query.max())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .map(row -> new Match((String) row[0], (Long) row[1]))
                .toList();
    }

    /** One page of the query; {@code createdFrom}: only keys created then or later. */
    private Stream<AccessKey> page(RealmModel realm, AccessKeyQuery query, long now, Long createdFrom) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AccessKeyEntity> cq = cb.createQuery(AccessKeyEntity.class);
        Root<AccessKeyEntity> key = cq.from(AccessKeyEntity.class);
        List<Predicate> where = new ArrayList<>(List.of(filters(cb, key, realm, query, now)));
        if (createdFrom != null) {
            where.add(cb.greaterThanOrEqualTo(key.get("createdAt"), createdFrom));
        }
        cq.select(key).where(where.toArray(Predicate[]::new)).orderBy(order(cb, key, query));
        return em.createQuery(cq)
                .setFirstResult(query.first())
                .setMaxResults(query.max())
                .getResultStream()
                .map(AccessKeyAdapter::new);
    }

    /** Creation time of the realm's n-th newest key (n = the window), or null if it has no more keys than that. */
    private Long recentWindowStart(RealmModel realm) {
        return em.createNamedQuery("AccessKey.createdNewestFirst", Long.class)
                .setParameter("realmId", realm.getId())
                .setFirstResult(recentWindow - 1)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * With a search term, counted arm by arm as the search pages are found, each arm through its own index (on
     * PostgreSQL the name arm from its covering index alone, not from a table page per match), and the keys that two
     * or three arms find taken off again (inclusion-exclusion); an arm that finds nothing spares its overlaps. The
     * arms are separate statements: a count taken while keys are created or deleted may be off by those keys.
     */
    @Override
    public long count(RealmModel realm, AccessKeyQuery query, long now) {
        if (query.search() == null || query.search().isBlank()) {
            return countMatching(realm, query, now, List.of());
        }
        List<Function<Root<AccessKeyEntity>, Predicate>> found = new ArrayList<>();
        long total = 0;
        for (Arm arm : arms(realm, query.search().trim())) {
            long matches = countMatching(realm, query, now, List.of(arm.where()));
            if (matches > 0) {
                total += matches;
                found.add(arm.where());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            for (int j = i + 1; j < found.size(); j++) {
                total -= countMatching(realm, query, now, List.of(found.get(i), found.get(j)));
            }
        }
        if (found.size() == 3) {
            total += countMatching(realm, query, now, found);
        }
        return Math.max(total, 0);
    }

    /** The keys under the query's filters but the term that every one of {@code arms} matches. */
    private long countMatching(RealmModel realm, AccessKeyQuery query, long now, List<Function<Root<AccessKeyEntity>, Predicate>> arms) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<AccessKeyEntity> key = cq.from(AccessKeyEntity.class);
        List<Predicate> where = new ArrayList<>(otherFilters(cb, key, realm, query, now));
        arms.forEach(arm -> where.add(arm.apply(key)));
        cq.select(cb.count(key)).where(where.toArray(Predicate[]::new));
        return em.createQuery(cq).setHint(HibernateHints.HINT_READ_ONLY, true).getSingleResult();
    }

    private Predicate[] filters(CriteriaBuilder cb, Root<AccessKeyEntity> key, RealmModel realm,
                                       AccessKeyQuery query, long now) {
        List<Predicate> where = otherFilters(cb, key, realm, query, now);
        if (query.search() != null && !query.search().isBlank()) {
            where.add(matches(cb, key, realm, query.search().trim()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** The query's filters but the search term: realm, owner, status. */
    private static List<Predicate> otherFilters(CriteriaBuilder cb, Root<AccessKeyEntity> key, RealmModel realm,
                                                AccessKeyQuery query, long now) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(key.get("realmId"), realm.getId()));
        if (query.userId() != null) {
            where.add(cb.equal(key.get("userId"), query.userId()));
        }
        if (query.status() != null) {
            where.add(statusIs(cb, key, query.status(), now));
        }
        return where;
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

    /**
     * The search term: a prefix of the name (case-insensitive), a prefix of the key ID (key IDs are case-sensitive),
     * or the owner's exact username. Each arm has an index (changeset 20261128-search), so a search over a realm
     * of a million keys reads only the rows that match, never the whole realm.
     */
    private Predicate matches(CriteriaBuilder cb, Root<AccessKeyEntity> key, RealmModel realm, String term) {
        return cb.or(arms(realm, term).stream().map(arm -> arm.where().apply(key)).toArray(Predicate[]::new));
    }

    /**
     * One way a key matches the search term, and whether the arm's index is ordered by creation time (the owner's
     * index is; the name and key-ID indexes are not).
     */
    private record Arm(Function<Root<AccessKeyEntity>, Predicate> where, boolean indexedByCreation) {
    }

    /** The arms of the term: name prefix, key-ID prefix and, when a user has that username, the owner. */
    private List<Arm> arms(RealmModel realm, String term) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        List<Arm> arms = new ArrayList<>();
        arms.add(new Arm(key -> nameStartsWith(cb, key, term), false));
        arms.add(new Arm(key -> idStartsWith(cb, key, term), false));
        ownerId(realm, term).ifPresent(userId -> arms.add(new Arm(key -> cb.equal(key.get("userId"), userId), true)));
        return arms;
    }

    private static Predicate nameStartsWith(CriteriaBuilder cb, Root<AccessKeyEntity> key, String term) {
        return cb.like(cb.lower(key.get("name")), escapeLike(term.toLowerCase(Locale.ROOT)) + "%", '\\');
    }

    private static Predicate idStartsWith(CriteriaBuilder cb, Root<AccessKeyEntity> key, String term) {
        return cb.like(key.get("id"), escapeLike(term) + "%", '\\');
    }

    /** The ID of the realm's user with that username (Keycloak stores usernames in lower case). */
    private Optional<String> ownerId(RealmModel realm, String username) {
        return em.createQuery("select u.id from UserEntity u where u.realmId = :realmId and u.username = :username", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("username", username.toLowerCase(Locale.ROOT))
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().findFirst();
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

    static String escapeLike(String value) {
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
    public long countAll(RealmModel realm, String userId) {
        return em.createNamedQuery("AccessKey.countAll", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .getSingleResult();
    }

    @Override
    public List<String> lockOwnerAndReadKeyNames(RealmModel realm, String userId) {
        // The owner's user row is the lock: SELECT ... FOR UPDATE on every supported database; every change that
        // adds a key or renames one takes it first. Once it is held, a statement that sees every commit made before
        // it (READ COMMITTED) reads the owner's keys as they are. Otherwise the keys are read with a locking read,
        // which sees the latest committed rows: on REPEATABLE READ (MariaDB), where a plain read keeps the snapshot
        // of the transaction's first read, and for users of a federation provider without a local row (not locked:
        // documented limitation). On PostgreSQL each row lock writes its row, so locking an owner's hundred keys
        // made every creation cost a hundred row writes.
        try {
            UserEntity owner = em.find(UserEntity.class, userId);
            if (owner != null) {
                em.lock(owner, LockModeType.PESSIMISTIC_WRITE);
                if (committedReads.plainReadSeesLatestCommits(em)) {
                    return em.createNamedQuery("AccessKey.namesNotRevokedOfUser", String.class)
                            .setParameter("realmId", realm.getId())
                            .setParameter("userId", userId)
                            .getResultList();
                }
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
    public boolean recordUse(String realmId, String id, long at, String ip, long notBefore) {
        return writeUses(List.of(new KeyUse(realmId, id, at, ip, notBefore))) > 0;
    }

    /** Rows locked per statement of {@link #recordUses}. */
    private static final int USES_PER_LOCK = 500;

    @Override
    public List<KeyUse> recordUses(List<KeyUse> uses) {
        List<KeyUse> locked = new ArrayList<>();
        for (int from = 0; from < uses.size(); from += USES_PER_LOCK) {
            List<KeyUse> chunk = uses.subList(from, Math.min(uses.size(), from + USES_PER_LOCK));
            List<String> ids = chunk.stream().map(KeyUse::keyId).toList();
            // lock what no other transaction holds, skip the rest: the updates below then wait for nothing
            Set<String> mine = new HashSet<>(em.createNamedQuery("AccessKey.idsIn", String.class)
                    .setParameter("ids", ids)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                    .getResultList());
            List<KeyUse> skipped = new ArrayList<>();
            List<KeyUse> writable = new ArrayList<>();
            for (KeyUse use : chunk) {
                (mine.contains(use.keyId()) ? writable : skipped).add(use);
            }
            writeUses(writable);
            if (!skipped.isEmpty()) {
                // of the skipped keys, those that still exist were locked: kept for later; the others are gone
                Set<String> existing = new HashSet<>(em.createNamedQuery("AccessKey.idsIn", String.class)
                        .setParameter("ids", skipped.stream().map(KeyUse::keyId).toList())
                        .getResultList());
                skipped.stream().filter(use -> existing.contains(use.keyId())).forEach(locked::add);
            }
        }
        return locked;
    }

    /**
     * Writes last-use stamps as one JDBC batch (one round trip, not one per key), each a conditional update: only a
     * stamp older than the use's {@code notBefore} is replaced. The table name is Hibernate's (with the db-schema, if
     * any). Returns how many rows changed.
     */
    private int writeUses(List<KeyUse> uses) {
        if (uses.isEmpty()) {
            return 0;
        }
        String table = ((AbstractEntityPersister) em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(AccessKeyEntity.class)).getTableName();
        String sql = "update " + table + " set LAST_USED_AT = ?, LAST_USED_IP = ? where ID = ? and REALM_ID = ?"
                + " and (LAST_USED_AT is null or LAST_USED_AT < ?)";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (KeyUse use : uses) {
                    update.setLong(1, use.at());
                    if (use.ip() == null) {
                        update.setNull(2, Types.VARCHAR);
                    } else {
                        update.setString(2, use.ip());
                    }
                    update.setString(3, use.keyId());
                    update.setString(4, use.realmId());
                    update.setLong(5, use.notBefore());
                    update.addBatch();
                }
                int changed = 0;
                for (int count : update.executeBatch()) {
                    changed += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
                }
                return changed;
            }
        });
    }

    @Override
    public boolean remove(RealmModel realm, String id) {
        return em.createNamedQuery("AccessKey.deleteById")
                .setParameter("id", id)
                .setParameter("realmId", realm.getId())
                .executeUpdate() > 0;
    }

    @Override
    public List<AccessKey> findBySecretHashes(RealmModel realm, List<String> secretHashes) {
        if (secretHashes.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("AccessKey.bySecretHash", AccessKeyEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("hashes", secretHashes)
                .getResultStream()
                .<AccessKey>map(AccessKeyAdapter::new)
                .toList();
    }

    @Override
    public Stream<AccessKey> expiringBetween(RealmModel realm, long now, long until) {
        return em.createNamedQuery("AccessKey.expiringEnabled", AccessKeyEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("now", now)
                .setParameter("until", until)
                .getResultStream()
                .map(AccessKeyAdapter::new);
    }

    @Override
    public boolean replaceNotice(RealmModel realm, String keyId, Long expectedExpiresAt, Integer expectedDays, Long expiresAt,
                                 Integer days) {
        String jpql = "update AccessKeyEntity k set k.noticeExpiresAt = :expiresAt, k.noticeDays = :days"
                + " where k.id = :id and k.realmId = :realmId"
                + (expectedExpiresAt == null ? " and k.noticeExpiresAt is null" : " and k.noticeExpiresAt = :expectedExpiresAt")
                + (expectedDays == null ? " and k.noticeDays is null" : " and k.noticeDays = :expectedDays");
        jakarta.persistence.Query update = em.createQuery(jpql)
                .setParameter("expiresAt", expiresAt)
                .setParameter("days", days)
                .setParameter("id", keyId)
                .setParameter("realmId", realm.getId());
        if (expectedExpiresAt != null) {
            update.setParameter("expectedExpiresAt", expectedExpiresAt);
        }
        if (expectedDays != null) {
            update.setParameter("expectedDays", expectedDays);
        }
        return update.executeUpdate() == 1;
    }

    @Override
    public int purgeEndedBefore(RealmModel realm, long before) {
        return em.createNamedQuery("AccessKey.purge")
                .setParameter("realmId", realm.getId())
                .setParameter("before", before)
                .executeUpdate();
    }

    @Override
    public int bindExpiry(RealmModel realm, long latest, boolean onlyWithoutExpiry) {
        return em.createNamedQuery(onlyWithoutExpiry ? "AccessKey.bindMissingExpiry" : "AccessKey.bindExpiry")
                .setParameter("realmId", realm.getId())
                .setParameter("latest", latest)
                .executeUpdate();
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
