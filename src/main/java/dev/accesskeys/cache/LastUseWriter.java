package dev.accesskeys.cache;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.KeyUse;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes this node's pending last-use stamps to the {@code jpa} store: every {@code lastUseFlushSeconds} from
 * Keycloak's timer, and while the server stops. Each flush is one transaction of conditional updates (a stamp older
 * than one another node wrote meanwhile changes nothing). A flush that fails puts its stamps back for the next.
 * <p>
 * Stopping: Keycloak closes its provider factories in no fixed order, so this store's {@code close} may come after
 * the database's. A JVM shutdown hook therefore writes from the moment the server is told to stop, every
 * {@value #STOPPING_FLUSH_MILLIS} ms while it drains its last requests, until the factory closes (which writes once
 * more if the database is still open) or a write fails.
 */
final class LastUseWriter {

    static final int DEFAULT_FLUSH_SECONDS = 5;
    static final String TASK_NAME = "access-keys-last-use";
    static final long STOPPING_FLUSH_MILLIS = 200;
    /** The shutdown hook gives up after this long even if the factory is never closed. */
    private static final long STOPPING_LIMIT_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(LastUseWriter.class);

    private final LastUseStamps stamps = new LastUseStamps();
    private final CountDownLatch closed = new CountDownLatch(1);
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

    /** Writes what is pending; returns the number of stamps written, or -1 if the write failed (they are kept). */
    int flush(KeycloakSessionFactory factory) {
        List<KeyUse> batch = stamps.drain();
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            List<KeyUse> locked = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> write(session, batch));
            // keys another transaction held are written with the next flush (unless used again meanwhile)
            stamps.restore(locked);
            return batch.size() - locked.size();
        } catch (RuntimeException e) {
            stamps.restore(batch);
            LOG.warnf("access keys: could not write %d last-use stamps, kept for the next attempt: %s", batch.size(), e.toString());
            return -1;
        }
    }

    /** The shutdown hook's work: write what comes in while the server drains, until {@link #closed()}. */
    void writeWhileStopping(KeycloakSessionFactory factory) {
        long deadline = System.currentTimeMillis() + STOPPING_LIMIT_MILLIS;
        try {
            do {
                if (flush(factory) < 0) {
                    return;
                }
            } while (!closed.await(STOPPING_FLUSH_MILLIS, TimeUnit.MILLISECONDS) && System.currentTimeMillis() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The factory closes: the shutdown hook stops writing. */
    void closed() {
        closed.countDown();
    }

    /** By realm ID: at shutdown Keycloak's realm cache is already closed. @return the uses whose key was locked */
    private static List<KeyUse> write(KeycloakSession session, List<KeyUse> batch) {
        AccessKeyProvider store = session.getProvider(AccessKeyProvider.class, CachingAccessKeyProviderFactory.DELEGATE_ID);
        return store.recordUses(batch);
    }
}
