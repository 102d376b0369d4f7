package dev.accesskeys.lifecycle;

import java.util.concurrent.TimeUnit;

import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.service.AccessKeyService;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Scheduled (one node of the cluster per run): deletes revoked and expired keys the policy's
 * {@code revokedRetentionDays} after {@code revokedAt} / {@code expiresAt}. They verify no more, so no cached copy
 * needs dropping.
 */
public final class AccessKeyRetentionPurge implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(AccessKeyRetentionPurge.class);

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        AccessKeyProvider store = session.getProvider(AccessKeyProvider.class);
        for (RealmModel realm : session.realms().getRealmsStream().toList()) {
            int days = AccessKeyService.of(session).policies(realm).current().revokedRetentionDays();
            int purged = store.purgeEndedBefore(realm, now - TimeUnit.DAYS.toMillis(days));
            if (purged > 0) {
                LOG.debugf("access keys: purged %s revoked or expired keys of realm %s (older than %s days)", (Object) purged, realm.getName(), (Object) days);
            }
        }
    }

    @Override
    public String getTaskName() {
        return "access-keys-retention-purge";
    }
}
