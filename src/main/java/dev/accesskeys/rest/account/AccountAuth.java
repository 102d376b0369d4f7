package dev.accesskeys.rest.account;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.rest.Refusal;

import org.keycloak.models.AccountRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.ImpersonationSessionNote;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The caller of the self-service API, authenticated as Keycloak's account REST API does it: a bearer token of this
 * realm with audience {@code account} and role {@code account/manage-account}. A token issued from an access key is
 * refused, so a leaked key cannot mint more keys.
 */
record AccountAuth(UserModel user, AccessToken token, ClientModel client, String impersonatorId, String impersonatorUsername) {

    /** Who acts: the impersonating admin when the session is an impersonation, else the user. */
    String actorId() {
        return impersonatorId != null ? impersonatorId : user.getId();
    }

    static AccountAuth authenticate(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationManager.AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (result == null) {
            throw Refusal.unauthorized("a valid bearer token of realm '" + realm.getName() + "' is required");
        }
        AccessToken token = result.token();
        if (token.getOtherClaims().containsKey(AccessKeys.ACCESS_KEY_ID_CLAIM)) {
            throw Refusal.forbidden("a token issued from an access key cannot manage access keys");
        }
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (account == null) {
            throw Refusal.forbidden("the realm has no account client");
        }
        if (token.getAudience() == null || token.getResourceAccess(account.getClientId()) == null) {
            // lightweight tokens carry no audience or roles: look them up as the account API does
            AccessTokenIntrospectionProvider introspection = (AccessTokenIntrospectionProvider) session.getProvider(
                    TokenIntrospectionProvider.class, AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE);
            token = introspection.transformAccessToken(token, result.session());
        }
        if (!token.hasAudience(account.getClientId())) {
            throw Refusal.unauthorized("the token's audience must include '" + account.getClientId() + "'");
        }
        if (result.user().getServiceAccountClientLink() != null) {
            throw Refusal.forbidden("service accounts have no access keys");
        }
        AccessToken.Access access = token.getResourceAccess(account.getClientId());
        if (access == null || !access.isUserInRole(AccountRoles.MANAGE_ACCOUNT)) {
            throw Refusal.forbidden("the token lacks the role " + account.getClientId() + "/" + AccountRoles.MANAGE_ACCOUNT);
        }
        ClientModel client = result.client();
        UserSessionModel userSession = result.session();
        String impersonatorId = userSession == null ? null : userSession.getNote(ImpersonationSessionNote.IMPERSONATOR_ID.toString());
        String impersonatorUsername = userSession == null ? null : userSession.getNote(ImpersonationSessionNote.IMPERSONATOR_USERNAME.toString());
        return new AccountAuth(result.user(), token, client, impersonatorId, impersonatorUsername);
    }
}
