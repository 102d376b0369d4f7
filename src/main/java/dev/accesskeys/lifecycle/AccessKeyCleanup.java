package dev.accesskeys.lifecycle;

import dev.accesskeys.cache.KeyInvalidation;
import dev.accesskeys.cache.VerifiedKeyCache;
import dev.accesskeys.model.AccessKeyProvider;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Deletes the keys of a removed user or realm, in the transaction that removes them, and drops every node's verified
 * copies of those keys when it commits.
 */
public final class AccessKeyCleanup {

    private AccessKeyCleanup() {
    }

    public static void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            RealmModel realm = removed.getRealm();
            String userId = removed.getUser().getId();
            removed.getKeycloakSession().getProvider(AccessKeyProvider.class).removeByUser(realm, userId);
            VerifiedKeyCache.node().invalidateAfterCompletion(removed.getKeycloakSession(), KeyInvalidation.ofUser(realm.getId(), userId));
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            String realmId = removed.getRealm().getId();
            removed.getKeycloakSession().getProvider(AccessKeyProvider.class).removeByRealm(realmId);
            VerifiedKeyCache.node().invalidateAfterCompletion(removed.getKeycloakSession(), KeyInvalidation.ofRealm(realmId));
        }
    }
}
