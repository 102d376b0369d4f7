package dev.accesskeys.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyQuery;

import org.keycloak.models.UserModel;

/** Finding, listing and counting a realm's keys. */
public final class KeyReads {

    /** Length of the ID column: longer IDs are not looked up. */
    private static final int MAX_ID_LENGTH = 64;

    private final ServiceContext context;

    KeyReads(ServiceContext context) {
        this.context = context;
    }

    /** @return the key of this realm with that ID, or null; IDs that cannot be stored are not looked up */
    public AccessKey find(String id) {
        return id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH ? null : context.store().getById(context.realm(), id);
    }

    /** @return the key of this realm; refused as {@code NOT_FOUND} when there is none */
    public AccessKey require(String id) {
        AccessKey key = find(id);
        if (key == null) {
            throw AccessKeyException.notFound("no access key '" + AccessKeyException.shown(id) + "'");
        }
        return key;
    }

    /** @return the owner's key; another user's key is refused exactly as a missing one */
    public AccessKey requireOwned(UserModel owner, String id) {
        AccessKey key = find(id);
        if (key == null || !key.getUserId().equals(owner.getId())) {
            throw AccessKeyException.notFound("no access key '" + AccessKeyException.shown(id) + "'");
        }
        return key;
    }

    public List<AccessKey> list(AccessKeyQuery query) {
        try (Stream<AccessKey> keys = context.store().search(context.realm(), query, context.now())) {
            return keys.toList();
        }
    }

    /**
     * A page of the keys that match the query and the filter (e.g. owners an admin may view): reads the store in
     * pages until {@code query.max()} keys after the first {@code query.first()} matches are found.
     */
    public List<AccessKey> listWhere(AccessKeyQuery query, Predicate<AccessKey> filter) {
        List<AccessKey> page = new ArrayList<>();
        int skip = query.first();
        int batch = Math.max(query.max(), 100);
        for (int offset = 0; page.size() < query.max(); offset += batch) {
            List<AccessKey> read = list(new AccessKeyQuery(query.userId(), query.status(), query.search(), offset, batch,
                    query.sort(), query.descending()));
            for (AccessKey key : read) {
                if (filter.test(key) && skip-- <= 0 && page.size() < query.max()) {
                    page.add(key);
                }
            }
            if (read.size() < batch) {
                break;
            }
        }
        return page;
    }

    /** How many keys match the query's filters (its paging and order do not count). */
    public long count(AccessKeyQuery query) {
        return context.store().count(context.realm(), query, context.now());
    }

    /** How many keys match the query's filters and the filter (e.g. owners an admin may view). */
    public long countWhere(AccessKeyQuery query, Predicate<AccessKey> filter) {
        long count = 0;
        int batch = 500;
        for (int offset = 0; ; offset += batch) {
            List<AccessKey> read = list(new AccessKeyQuery(query.userId(), query.status(), query.search(), offset, batch, null, false));
            count += read.stream().filter(filter).count();
            if (read.size() < batch) {
                return count;
            }
        }
    }
}
