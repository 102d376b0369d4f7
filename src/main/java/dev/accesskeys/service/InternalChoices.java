package dev.accesskeys.service;

import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The one place that says which scopes and roles are Keycloak's machinery rather than something a person grants a
 * tool: the self-service REST answer ({@code internal}) and the account page ("Show all") both follow it.
 * <ul>
 * <li>scopes: {@code acr}, {@code basic}, {@code web-origins}, {@code microprofile-jwt}, {@code service_account},
 * {@code role_list}, every scope hidden from the consent screen, and {@code offline_access} unless the realm opts in by
 * making it a default client scope;</li>
 * <li>roles: the realm's default role ({@code default-roles-*}), {@code uma_authorization}, the client roles of
 * Keycloak's own {@code account} and {@code broker} clients, and {@code offline_access} under the scope's rule.</li>
 * </ul>
 */
final class InternalChoices {

    private static final Set<String> SCOPES = Set.of("acr", "basic", "web-origins", "microprofile-jwt", "service_account",
            "role_list");
    private static final Set<String> ROLES = Set.of(Constants.AUTHZ_UMA_AUTHORIZATION);
    private static final Set<String> CLIENTS = Set.of(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID, Constants.BROKER_SERVICE_CLIENT_ID);

    private final RealmModel realm;
    private final boolean offlineOptedIn;

    InternalChoices(RealmModel realm) {
        this.realm = realm;
        this.offlineOptedIn = realm.getDefaultClientScopesStream(true)
                .anyMatch(s -> Constants.OFFLINE_ACCESS_ROLE.equals(s.getName()));
    }

    boolean scope(ClientScopeModel scope) {
        if (Constants.OFFLINE_ACCESS_ROLE.equals(scope.getName())) {
            return !offlineOptedIn;
        }
        return SCOPES.contains(scope.getName()) || !scope.isDisplayOnConsentScreen();
    }

    boolean role(RoleModel role) {
        if (role.isClientRole()) {
            return CLIENTS.contains(((ClientModel) role.getContainer()).getClientId());
        }
        if (Constants.OFFLINE_ACCESS_ROLE.equals(role.getName())) {
            return !offlineOptedIn;
        }
        RoleModel defaultRole = realm.getDefaultRole();
        return ROLES.contains(role.getName()) || (defaultRole != null && defaultRole.getId().equals(role.getId()));
    }
}
