package dev.accesskeys.grant;

import dev.accesskeys.exchange.KeyCheck;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import dev.accesskeys.exchange.TokenScoping;
import dev.accesskeys.AccessKeys;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.RoleNames;
import dev.accesskeys.token.AdminApiScope;
import dev.accesskeys.token.KeyTokens;

import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenRequestContext;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenResponseContext;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The access-key extension grant (RFC 6749 §4.5), shaped like Keycloak's client-credentials grant: the token
 * endpoint has already authenticated the client; this checks the client and the key, then issues the key owner's
 * access token, cut to the key, on a transient user session (nothing stored, no refresh token).
 */
public class AccessKeyGrantType extends OAuth2GrantTypeBase {

    public static final String KEY_ID_PARAM = "key_id";
    public static final String KEY_SECRET_PARAM = "key_secret";
    /** userSession.getAuthMethod() of sessions created by this grant */
    public static final String AUTH_METHOD = "access-key";

    @Override
    public Response process(Context context) {
        setContext(context);
        String keyId = formParams.getFirst(KEY_ID_PARAM);
        String requestedScope = formParams.getFirst(OAuth2Constants.SCOPE);
        String remoteHost = clientConnection.getRemoteHost();

        KeyCheck.Result check = KeyCheck.check(session, realm, client, event, keyId,
                formParams.getFirst(KEY_SECRET_PARAM), requestedScope, remoteHost);
        if (!check.ok()) {
            throw new CorsErrorResponseException(cors, check.error(), check.description(), Response.Status.BAD_REQUEST);
        }
        UserModel owner = check.owner();

        String scope = TokenScoping.effectiveScopeParam(check.key(), client, requestedScope);
        if (!TokenManager.isValidScope(session, scope, client)) {
            event.detail(Details.REASON, "Invalid scopes: " + scope);
            event.error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_SCOPE, "Invalid scopes: " + scope,
                    Response.Status.BAD_REQUEST);
        }

        RootAuthenticationSessionModel rootAuthSession = new AuthenticationSessionManager(session).createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = rootAuthSession.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(owner);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER, Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);

        // never stored: no refresh token, no row, no cache entry
        UserSessionModel userSession = new UserSessionManager(session).createUserSession(rootAuthSession.getId(), realm,
                owner, owner.getUsername(), remoteHost, AUTH_METHOD, false, null, null,
                UserSessionModel.SessionPersistenceState.TRANSIENT);
        userSession.setNote(AccessKeys.ACCESS_KEY_ID_CLAIM, check.key().getId());
        // The client session is created here, in the session's transaction, so that attaching the authentication
        // session finds it there: otherwise Keycloak looks for a stored one first (a database read per exchange,
        // which its own client_credentials grant pays) though a transient session never has one.
        session.sessions().createClientSession(realm, client, userSession);

        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionCtx = TokenManager.attachAuthenticationSession(session, userSession, authSession);
        AccessKeyService service = AccessKeyService.of(session);
        clientSessionCtx = TokenScoping.restrict(session, clientSessionCtx, check.key());
        clientSessionCtx.setAttribute(Constants.GRANT_TYPE, context.getGrantType());
        updateUserSessionFromClientAuth(userSession);

        // Keycloak's client policies apply as to any machine's token request (holder-of-key, DPoP, ...)
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        try {
            session.clientPolicy().triggerOnEvent(new ServiceAccountTokenRequestContext(formParams, clientSession));
        } catch (ClientPolicyException cpe) {
            event.detail(Details.REASON, Details.CLIENT_POLICY_ERROR);
            event.detail(Details.CLIENT_POLICY_ERROR, cpe.getError());
            event.detail(Details.CLIENT_POLICY_ERROR_DETAIL, cpe.getErrorDetail());
            event.error(cpe.getError());
            throw new CorsErrorResponseException(cors, cpe.getError(), cpe.getErrorDetail(), cpe.getErrorStatus());
        }

        TokenManager.AccessTokenResponseBuilder responseBuilder = createTokenResponseBuilder(owner, userSession,
                clientSessionCtx, scope, builder -> new ServiceAccountTokenResponseContext(formParams, clientSession, builder));
        AccessToken token = responseBuilder.getAccessToken();
        if (KeyTokens.isLightweight(session, token)) {
            // Keycloak re-reads the owner's role mappings for a lightweight token (admin and account APIs): never issue one
            event.detail(Details.REASON, "the client issues lightweight access tokens");
            event.error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    KeyTokens.LIGHTWEIGHT_REFUSAL, Response.Status.BAD_REQUEST);
        }
        KeyTokens.seal(token, check.key().getId(), owner.getId());
        Optional<RoleModel> widened = AdminApiScope.widenedRole(realm, client, owner, token);
        if (widened.isPresent()) {
            event.detail(Details.REASON, "the client's scope holds role " + RoleNames.of(widened.get())
                    + " of the owner, which the key's token does not carry");
            event.error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    AdminApiScope.refusal(widened.get()), Response.Status.BAD_REQUEST);
        }
        Integer lifespan = service.policies(realm).current().accessTokenLifespanSeconds();
        if (lifespan != null && token.getIat() != null) {
            token.exp(token.getIat() + lifespan);
        }
        service.verifier(realm).recordUse(check.key(), remoteHost);
        return createTokenResponse(responseBuilder, clientSessionCtx, false);
    }

    @Override
    public EventType getEventType() {
        // the token is the owner's: a user login, as with the password grant
        return EventType.LOGIN;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Collections.emptySet();
    }

    @Override
    protected boolean useRefreshToken() {
        return false;
    }
}
