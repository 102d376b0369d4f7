package dev.accesskeys.lifecycle;

import dev.accesskeys.model.AccessKeyProvider;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/** Deletes the keys of a removed user or realm, in the transaction that removes them. */
public final class AccessKeyCleanup {

    private AccessKeyCleanup() {
    }

    public static void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(AccessKeyProvider.class)
                    .removeByUser(removed.getRealm(), removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(AccessKeyProvider.class)
                    .removeByRealm(removed.getRealm().getId());
        }
    }
}
