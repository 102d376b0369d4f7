package dev.accesskeys.model.jpa;

import java.util.Locale;

import dev.accesskeys.model.AccessKeyQuery;

import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.UserEntity;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * The {@code search} filter of a key listing: a case-insensitive part of the key's name or ID, or, when the listing is
 * not limited to one owner, the start of the owner's username (Keycloak stores usernames in lower case; a prefix
 * match uses its (realm, username) index). Users of a user-storage provider without a local copy have no row to
 * match.
 */
final class OwnerSearch {

    private OwnerSearch() {
    }

    static Predicate matches(CriteriaBuilder cb, CriteriaQuery<?> cq, Root<AccessKeyEntity> key, RealmModel realm,
                             AccessKeyQuery query) {
        String text = query.search().toLowerCase(Locale.ROOT);
        String part = "%" + JpaAccessKeyProvider.escapeLike(text) + "%";
        Predicate nameOrId = cb.or(cb.like(cb.lower(key.get("name")), part, '\\'),
                cb.like(cb.lower(key.get("id")), part, '\\'));
        if (query.userId() != null) {
            return nameOrId;
        }
        Subquery<String> owners = cq.subquery(String.class);
        Root<UserEntity> user = owners.from(UserEntity.class);
        owners.select(user.get("id")).where(
                cb.equal(user.get("realmId"), realm.getId()),
                cb.like(user.get("username"), JpaAccessKeyProvider.escapeLike(text) + "%", '\\'));
        return cb.or(nameOrId, key.get("userId").in(owners));
    }
}
