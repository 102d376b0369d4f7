package dev.accesskeys.rest.admin;

import dev.accesskeys.StatelessProviderFactory;
import java.util.Map;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.Versions;
import dev.accesskeys.rest.Responses;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import jakarta.ws.rs.WebApplicationException;

/** Mounts the admin API at {@code /admin/realms/{realm}/access-keys}. */
public final class AdminAccessKeysProviderFactory implements AdminRealmResourceProviderFactory, StatelessProviderFactory<AdminRealmResourceProvider>, ServerInfoAwareProviderFactory {

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                // as on the self-service API: a token issued from an access key must not mint or manage keys, even
                // when its owner is an admin (Keycloak's admin checks read the owner's roles, not the token's)
                if (auth.adminAuth().getToken().getOtherClaims().containsKey(AccessKeys.ACCESS_KEY_ID_CLAIM)) {
                    throw new WebApplicationException(Responses.error(403, "access_denied",
                            "a token issued from an access key cannot manage access keys"));
                }
                return new AdminAccessKeysResource(s, realm, auth, adminEvent);
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
