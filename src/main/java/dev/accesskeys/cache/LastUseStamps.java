package dev.accesskeys.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Last-use stamps this node has recorded and not yet written (write-behind): the grant's only write leaves the
 * request and reaches the database with the next flush, many stamps in one transaction. Reads on this node see a
 * pending stamp at once ({@link #pending}); other nodes see it once it is written.
 */
final class LastUseStamps {

    /** One key's latest pending use; {@code notBefore} as in {@code AccessKeyProvider#recordUse}. */
    record Stamp(String realmId, String keyId, long at, String ip, long notBefore) {
    }

    private final ConcurrentMap<String, Stamp> pending = new ConcurrentHashMap<>();

    void add(Stamp stamp) {
        pending.merge(key(stamp.realmId(), stamp.keyId()), stamp, LastUseStamps::later);
    }

    /** The key's stamp not written yet, or null. */
    Stamp pending(String realmId, String keyId) {
        return pending.isEmpty() ? null : pending.get(key(realmId, keyId));
    }

    /** Takes every pending stamp out, for writing. */
    List<Stamp> drain() {
        List<Stamp> taken = new ArrayList<>(pending.size());
        for (String key : pending.keySet()) {
            Stamp stamp = pending.remove(key);
            if (stamp != null) {
                taken.add(stamp);
            }
        }
        return taken;
    }

    /** Puts back stamps whose write failed, unless a later use of the same key came in meanwhile. */
    void restore(List<Stamp> stamps) {
        stamps.forEach(this::add);
    }

    int size() {
        return pending.size();
    }

    private static Stamp later(Stamp a, Stamp b) {
        return b.at() >= a.at() ? b : a;
    }

    private static String key(String realmId, String keyId) {
        return realmId + '/' + keyId;
    }
}
