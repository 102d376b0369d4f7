package dev.accesskeys.cache;

import java.util.List;

import dev.accesskeys.model.AccessKeyProvider;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes this node's pending last-use stamps to the {@code jpa} store: every {@code lastUseFlushSeconds} from
 * Keycloak's timer, and once more when the server stops. Each flush is one transaction of conditional updates (a stamp
 * older than one another node wrote meanwhile changes nothing). A flush that fails puts its stamps back for the next.
 */
final class LastUseWriter {

    static final int DEFAULT_FLUSH_SECONDS = 5;
    static final String TASK_NAME = "access-keys-last-use";
    private static final Logger LOG = Logger.getLogger(LastUseWriter.class);

    private final LastUseStamps stamps = new LastUseStamps();
    private volatile int flushSeconds = DEFAULT_FLUSH_SECONDS;

    void configure(int flushSeconds) {
        if (flushSeconds < 0) {
            throw new IllegalArgumentException("access keys: lastUseFlushSeconds must be 0 or more");
        }
        this.flushSeconds = flushSeconds;
    }

    int flushSeconds() {
        return flushSeconds;
    }

    /** Whether uses are buffered here (else the store writes each one in the request's transaction). */
    boolean buffering() {
        return flushSeconds > 0;
    }

    LastUseStamps stamps() {
        return stamps;
    }

    /** Writes what is pending; returns the number of stamps written (0 if the write failed and they were kept). */
    int flush(KeycloakSessionFactory factory) {
        List<LastUseStamps.Stamp> batch = stamps.drain();
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> write(session, batch));
            return batch.size();
        } catch (RuntimeException e) {
            stamps.restore(batch);
            LOG.warnf("access keys: could not write %d last-use stamps, kept for the next attempt: %s", batch.size(), e.toString());
            return 0;
        }
    }

    private static void write(KeycloakSession session, List<LastUseStamps.Stamp> batch) {
        AccessKeyProvider store = session.getProvider(AccessKeyProvider.class, CachingAccessKeyProviderFactory.DELEGATE_ID);
        for (LastUseStamps.Stamp stamp : batch) {
            RealmModel realm = session.realms().getRealm(stamp.realmId());
            if (realm != null) {
                store.recordUse(realm, stamp.keyId(), stamp.at(), stamp.ip(), stamp.notBefore());
            }
        }
    }
}
