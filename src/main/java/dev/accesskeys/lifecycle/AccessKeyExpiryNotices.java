package dev.accesskeys.lifecycle;

import java.util.List;
import java.util.stream.Stream;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.KeyPolicy;
import dev.accesskeys.service.AccessKeyService;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Scheduled (one node of the cluster per run, as a rule): e-mails the owner of each enabled key the policy's
 * {@code expiryNotificationDays} before it expires, once per key and threshold, remembered on the key. Owners without
 * an e-mail address, or disabled, get none (the key is marked all the same). A failed send ends the realm's run
 * (logged once); the key is tried again at the next run.
 */
public final class AccessKeyExpiryNotices implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(AccessKeyExpiryNotices.class);

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        session.realms().getRealmsStream().toList().forEach(realm -> notifyRealm(session, realm, now));
    }

    private static boolean replaceNotice(KeycloakSession session, RealmModel realm, AccessKey key, Long expectedExpiresAt,
                                         Integer expectedDays, Long expiresAt, Integer days) {
        String realmId = realm.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), claim -> {
            RealmModel claimRealm = claim.realms().getRealm(realmId);
            claim.getContext().setRealm(claimRealm);
            return claim.getProvider(AccessKeyProvider.class)
                    .replaceNotice(claimRealm, key.getId(), expectedExpiresAt, expectedDays, expiresAt, days);
        });
    }

    @Override
    public String getTaskName() {
        return "access-keys-expiry-notices";
    }

    private static void notifyRealm(KeycloakSession session, RealmModel realm, long now) {
        KeyPolicy policy = AccessKeyService.of(session).policies(realm).current();
        List<Integer> days = policy.expiryNotificationDays();
        if (days.isEmpty()) {
            return;
        }
        session.getContext().setRealm(realm);
        AccessKeyProvider store = session.getProvider(AccessKeyProvider.class);
        int sent = 0;
        try (Stream<AccessKey> keys = store.expiringBetween(realm, now, now + NoticeSchedule.horizonMillis(days))) {
            for (AccessKey key : keys.toList()) {
                Integer due = NoticeSchedule.dueThreshold(days, key.getExpiresAt(), now);
                if (due == null || NoticeSchedule.alreadySent(key.getNoticeExpiresAt(), key.getNoticeDays(), key.getExpiresAt(), due)) {
                    continue;
                }
                // claim the notice in a transaction of its own, committed before the e-mail goes out: a run on another
                // node (Keycloak's cluster-aware runner keeps its lock only for the interval, and releases it before
                // the run's transaction commits) then finds the marks changed and sends nothing
                if (!replaceNotice(session, realm, key, key.getNoticeExpiresAt(), key.getNoticeDays(), key.getExpiresAt(), due)) {
                    continue;
                }
                UserModel owner = session.users().getUserById(realm, key.getUserId());
                if (owner != null && owner.isEnabled() && owner.getEmail() != null) {
                    if (!KeyMails.expiring(session, realm, owner, key, now)) {
                        // SMTP down or template missing fails for every key alike: give the claim back, the realm
                        // waits for the next run
                        replaceNotice(session, realm, key, key.getExpiresAt(), due, key.getNoticeExpiresAt(), key.getNoticeDays());
                        break;
                    }
                    sent++;
                }
            }
        }
        if (sent > 0) {
            LOG.debugf("access keys: %d expiry e-mails sent in realm %s", sent, realm.getName());
        }
    }
}
