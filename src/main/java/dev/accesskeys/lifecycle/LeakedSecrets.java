package dev.accesskeys.lifecycle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.KeyPolicy;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.KeyEdits;
import dev.accesskeys.service.SecretGenerator;
import dev.accesskeys.service.SecretHasher;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reported leaked secrets: a text without the shape and checksum of a secret is dropped before any database read;
 * the rest are looked up by hash. A matching key is revoked or disabled ({@code leakedKeyAction}), its previous
 * secret (rotate with overlap) ends, and the owner gets a user event ({@code access_key_action=leaked}) and an
 * e-mail. A previous secret whose overlap is already over stops nothing: it works no more.
 */
final class LeakedSecrets {

    static final String ACTION = "leaked";
    private static final Logger LOG = Logger.getLogger(LeakedSecrets.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    LeakedSecrets(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** @return how many keys were stopped */
    int report(List<String> secrets) {
        Set<String> hashes = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (SecretGenerator.isWellFormedSecret(secret)) {
                hashes.add(SecretHasher.hash(secret));
            }
        }
        if (hashes.isEmpty()) {
            return 0;
        }
        AccessKeyService service = AccessKeyService.of(session);
        KeyPolicy policy = service.policies(realm).current();
        KeyEdits edits = service.edits(realm);
        long now = AccessKeyService.now();
        int stopped = 0;
        for (AccessKey key : session.getProvider(AccessKeyProvider.class).findBySecretHashes(realm, List.copyOf(hashes))) {
            boolean currentLeaked = hashes.contains(key.getSecretHash());
            boolean previousWorks = key.getPreviousSecretExpiresAt() != null && key.getPreviousSecretExpiresAt() > now;
            if (key.getRevokedAt() != null || (!currentLeaked && !previousWorks)) {
                continue;
            }
            boolean changed = KeyPolicy.LEAKED_DISABLE.equals(policy.leakedKeyAction()) ? edits.disable(key) : edits.revoke(key);
            changed |= edits.endOverlap(key);
            if (!changed) {
                continue;
            }
            stopped++;
            LOG.infof("access keys: key %s of realm %s reported leaked, %s", key.getId(), realm.getName(),
                    policy.leakedKeyAction().equals(KeyPolicy.LEAKED_DISABLE) ? "disabled" : "revoked");
            UserModel owner = session.users().getUserById(realm, key.getUserId());
            event(key, policy.leakedKeyAction());
            if (owner != null && owner.isEnabled()) {
                KeyMails.leaked(session, realm, owner, key, policy.leakedKeyAction());
            }
        }
        return stopped;
    }

    private void event(AccessKey key, String action) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_CREDENTIAL)
                .user(key.getUserId())
                .detail(Details.CREDENTIAL_TYPE, AccessKeys.CREDENTIAL_TYPE)
                .detail(AccessKeys.ACCESS_KEY_ID_CLAIM, key.getId())
                .detail(AccessKeys.ACTION_DETAIL, ACTION)
                .detail("leaked_key_action", action)
                .success();
    }
}
