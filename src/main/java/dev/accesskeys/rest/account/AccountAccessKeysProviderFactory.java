package dev.accesskeys.rest.account;

import dev.accesskeys.StatelessProviderFactory;
import dev.accesskeys.AccessKeys;
import dev.accesskeys.Versions;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the self-service API at {@code /realms/{realm}/access-keys}. */
public final class AccountAccessKeysProviderFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider>, ServerInfoAwareProviderFactory {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new AccountAccessKeysResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return AccessKeys.REST_PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Versions.operationalInfo();
    }
}
