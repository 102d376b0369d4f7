package dev.accesskeys.authenticator;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.exchange.KeyCheck;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.token.KeyTokens;
import dev.accesskeys.exchange.TokenScoping;

import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * App passwords: in a client's direct-grant flow, {@code username} = key ID and {@code password} = secret. Same
 * checks as the grant (through {@link KeyCheck}); the token limits are applied by {@link AccessKeyLimitsMapper},
 * which the client must carry (refused otherwise). As any password grant, it opens a normal user session.
 */
public class AccessKeyAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ClientModel client = authSession.getClient();
        String scope = authSession.getClientNote(OIDCLoginProtocol.SCOPE_PARAM);
        String keyId = form.getFirst(OAuth2Constants.USERNAME);

        KeyCheck.Result check = KeyCheck.check(context.getSession(), context.getRealm(), client, context.getEvent(),
                keyId, form.getFirst(OAuth2Constants.PASSWORD), scope, context.getConnection().getRemoteHost());
        if (check.ok() && !hasLimitsMapper(client)) {
            context.getEvent().detail(Details.REASON, "client lacks the " + AccessKeyLimitsMapper.PROVIDER_ID + " protocol mapper");
            context.getEvent().error(Errors.NOT_ALLOWED);
            check = new KeyCheck.Result(null, null, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "Client is not set up for access keys (protocol mapper " + AccessKeyLimitsMapper.PROVIDER_ID + " missing)");
        }
        if (check.ok() && AbstractOIDCProtocolMapper.getShouldUseLightweightToken(context.getSession())) {
            // Keycloak's admin and account APIs re-read the owner's role mappings for lightweight tokens
            context.getEvent().detail(Details.REASON, "the client issues lightweight access tokens");
            context.getEvent().error(Errors.NOT_ALLOWED);
            check = new KeyCheck.Result(null, null, OAuthErrorException.UNAUTHORIZED_CLIENT, KeyTokens.LIGHTWEIGHT_REFUSAL);
        }
        if (!check.ok()) {
            AuthenticationFlowError error = OAuthErrorException.INVALID_GRANT.equals(check.error())
                    ? AuthenticationFlowError.INVALID_CREDENTIALS : AuthenticationFlowError.ACCESS_DENIED;
            context.failure(error, Response.status(Response.Status.BAD_REQUEST)
                    .entity(new OAuth2ErrorRepresentation(check.error(), check.description()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build());
            return;
        }
        UserModel owner = check.owner();
        String effective = TokenScoping.effectiveScopeParam(check.key(), client, scope);
        if (effective != null) {
            authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, effective);
        }
        authSession.setUserSessionNote(AccessKeys.ACCESS_KEY_ID_CLAIM, check.key().getId());
        authSession.setAuthNote(AccessKeys.ACCESS_KEY_ID_CLAIM, check.key().getId());
        context.setUser(owner);
        AccessKeyService.of(context.getSession()).verifier(context.getRealm()).recordUse(check.key(), context.getConnection().getRemoteHost());
        context.success();
    }

    static boolean hasLimitsMapper(ClientModel client) {
        return client.getProtocolMappersStream().anyMatch(m -> AccessKeyLimitsMapper.PROVIDER_ID.equals(m.getProtocolMapper()))
                || client.getClientScopes(true).values().stream().anyMatch(s -> s.getProtocolMappersStream()
                        .anyMatch(m -> AccessKeyLimitsMapper.PROVIDER_ID.equals(m.getProtocolMapper())));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
