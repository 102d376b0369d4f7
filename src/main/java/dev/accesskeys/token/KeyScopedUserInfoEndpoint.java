package dev.accesskeys.token;

import dev.accesskeys.exchange.TokenScoping;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.AccessKeyService;

import org.keycloak.OAuthErrorException;
import org.keycloak.common.VerificationException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.endpoints.UserInfoEndpoint;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.util.DefaultClientSessionContext;
import org.keycloak.TokenVerifier;

/**
 * Keycloak's userinfo endpoint, cut to the key for a key's token. The stock endpoint runs first and does every check
 * (signature, expiry, session, client, owner); for a token issued from an access key the claims are then rebuilt from
 * the client-session context cut to the key's scopes and roles — Keycloak itself would add the client's default
 * scopes — and the token is refused (401 {@code invalid_token}) once the key no longer stands.
 */
final class KeyScopedUserInfoEndpoint extends UserInfoEndpoint {

    private static final String ACCESS_TOKEN_PARAM = "access_token";

    private final KeycloakSession session;
    private final TokenManager tokenManager;

    KeyScopedUserInfoEndpoint(KeycloakSession session, TokenManager tokenManager) {
        super(session, tokenManager);
        this.session = session;
        this.tokenManager = tokenManager;
    }

    @Override
    @Path("/")
    @GET
    @Produces({MediaType.APPLICATION_JSON, org.keycloak.utils.MediaType.APPLICATION_JWT})
    public Response issueUserInfoGet() {
        return limitToKey(super.issueUserInfoGet(), false);
    }

    @Override
    @Path("/")
    @POST
    @Produces({MediaType.APPLICATION_JSON, org.keycloak.utils.MediaType.APPLICATION_JWT})
    public Response issueUserInfoPost() {
        return limitToKey(super.issueUserInfoPost(), true);
    }

    private Response limitToKey(Response answer, boolean post) {
        if (answer.getStatus() != Response.Status.OK.getStatusCode()) {
            return answer;
        }
        AccessToken token = presentedToken(post);
        String keyId = KeyTokens.keyId(token);
        if (keyId == null) {
            return answer;
        }
        RealmModel realm = session.getContext().getRealm();
        AccessKey key = AccessKeyService.of(session).verifier(realm).keyOfActiveToken(keyId, token.getIat() == null ? 0 : token.getIat());
        UserSessionModel userSession = session.getContext().getUserSession();
        if (key == null || userSession == null) {
            return error(Response.Status.UNAUTHORIZED, OAuthErrorException.INVALID_TOKEN, "Token verification failed");
        }
        if (!(answer.getEntity() instanceof Map)) {
            return error(Response.Status.BAD_REQUEST, OAuthErrorException.INVALID_REQUEST,
                    "Signed or encrypted userinfo is not available for tokens issued from access keys");
        }
        AuthenticatedClientSessionModel clientSession = userSession.getAuthenticatedClientSessionByClient(
                session.getContext().getClient().getId());
        ClientSessionContext full = DefaultClientSessionContext.fromClientSessionAndScopeParameter(clientSession, token.getScope(), session);
        ClientSessionContext cut = TokenScoping.restrict(session, full, key);
        TokenScoping.forgetResolvedRoles(session, full);
        AccessToken userInfo = tokenManager.transformUserInfoAccessToken(session, token, new AccessToken(), userSession, cut);
        Map<String, Object> claims = new LinkedHashMap<>(tokenManager.generateUserInfoClaims(userInfo, userSession.getUser()));
        return Response.fromResponse(answer).entity(claims).build();
    }

    /** The token the stock endpoint has just verified, read again from the request (header, else form). */
    private AccessToken presentedToken(boolean post) {
        AppAuthManager.AuthHeader header = AppAuthManager.extractAuthorizationHeaderTokenOrReturnNull(
                session.getContext().getRequestHeaders());
        String raw = header == null ? null : header.getToken();
        if (raw == null && post) {
            MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
            raw = form.getFirst(ACCESS_TOKEN_PARAM);
        }
        try {
            return raw == null ? null : TokenVerifier.create(raw, AccessToken.class).getToken();
        } catch (VerificationException e) {
            return null;
        }
    }

    private static Response error(Response.Status status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == Response.Status.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\"");
        }
        return builder.build();
    }
}
