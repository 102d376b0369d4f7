package dev.accesskeys.token;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.accesskeys.service.RoleNames;

import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.representations.AccessToken;

/**
 * Where Keycloak's admin API would give a key's token more than the token carries.
 * <p>
 * Since Keycloak 26.7.3 the admin API decides by the user's role mappings, not by the token's roles: a role counts
 * when the user has it and the token's client ({@code azp}) has it in its scope (full scope or a scope mapping); only
 * for a role outside the client's scope are the token's own roles read ({@code KeycloakIdentity} with
 * {@code ignoreTokenRoles}). A key's token therefore must not be issued at a client whose scope holds an admin role of
 * the owner that the token does not carry — in a realm with fine-grained admin permissions, any role of the owner,
 * since permission policies may name any role.
 */
public final class AdminApiScope {

    private AdminApiScope() {
    }

    /** @return a role the admin API would grant the token's holder beyond the token's own roles, if any */
    public static Optional<RoleModel> widenedRole(RealmModel realm, ClientModel client, UserModel owner, AccessToken token) {
        Predicate<RoleModel> counted = realm.isAdminPermissionsEnabled() ? role -> true : AdminRoles::isAdminRole;
        return RoleUtils.expandCompositeRoles(RoleUtils.getDeepUserRoleMappings(owner)).stream()
                .filter(counted)
                .filter(role -> !carries(token, role))
                .filter(client::hasScope)
                .findFirst();
    }

    /** The refusal's text, naming the role as a key's {@code roles} entry names it. */
    public static String refusal(RoleModel role) {
        return "The client's role scope would give this key's token the owner's role '" + RoleNames.of(role)
                + "' at Keycloak's admin API, which the key does not allow: use a client whose scope leaves it out";
    }

    private static boolean carries(AccessToken token, RoleModel role) {
        if (role.isClientRole()) {
            Map<String, AccessToken.Access> resourceAccess = token.getResourceAccess();
            AccessToken.Access access = resourceAccess == null ? null
                    : resourceAccess.get(((ClientModel) role.getContainer()).getClientId());
            return access != null && access.isUserInRole(role.getName());
        }
        return token.getRealmAccess() != null && token.getRealmAccess().isUserInRole(role.getName());
    }
}
