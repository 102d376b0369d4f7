package dev.accesskeys.model.jpa;

import dev.accesskeys.model.AccessKeyProvider;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Deletes the keys of a removed user or realm from the database, in the transaction that removes them. (The cache's
 * factory drops the verified copies on every node for the same events.)
 */
final class RemovedOwnerCleanup {

    private RemovedOwnerCleanup() {
    }

    static void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(AccessKeyProvider.class, JpaAccessKeyProviderFactory.ID)
                    .removeByUser(removed.getRealm(), removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(AccessKeyProvider.class, JpaAccessKeyProviderFactory.ID)
                    .removeByRealm(removed.getRealm().getId());
        }
    }
}
