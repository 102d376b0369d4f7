package dev.accesskeys.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.accesskeys.model.KeyUse;

/**
 * Last-use stamps this node has recorded and not yet written (write-behind): the grant's only write leaves the
 * request and reaches the database with the next flush, many stamps in one transaction. Reads on this node see a
 * pending stamp at once ({@link #pending}); other nodes see it once it is written.
 */
final class LastUseStamps {

    private final ConcurrentMap<String, KeyUse> pending = new ConcurrentHashMap<>();

    void add(KeyUse stamp) {
        pending.merge(key(stamp.realmId(), stamp.keyId()), stamp, LastUseStamps::later);
    }

    /** The key's stamp not written yet, or null. */
    KeyUse pending(String realmId, String keyId) {
        return pending.isEmpty() ? null : pending.get(key(realmId, keyId));
    }

    /** Takes every pending stamp out, for writing. */
    List<KeyUse> drain() {
        List<KeyUse> taken = new ArrayList<>(pending.size());
        for (String key : pending.keySet()) {
            KeyUse stamp = pending.remove(key);
            if (stamp != null) {
                taken.add(stamp);
            }
        }
        return taken;
    }

    /** Puts back stamps whose write failed, unless a later use of the same key came in meanwhile. */
    void restore(List<KeyUse> stamps) {
        stamps.forEach(this::add);
    }

    int size() {
        return pending.size();
    }

    private static KeyUse later(KeyUse a, KeyUse b) {
        return b.at() >= a.at() ? b : a;
    }

    private static String key(String realmId, String keyId) {
        return realmId + '/' + keyId;
    }
}
