package dev.accesskeys.authenticator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.token.AdminApiScope;
import dev.accesskeys.token.KeyTokens;
import dev.accesskeys.exchange.TokenScoping;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.AccessKeyService;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.services.ErrorResponseException;

/**
 * The app-password path's limits: on a session opened with an access key (the authenticator leaves the key ID in a
 * user-session note) the access, ID and introspection tokens are built again with the client-session context cut to
 * the key, as the grant builds its token, and carry {@code access_key_id}. Runs after every other mapper. The authenticator
 * refuses to log in at a client that does not carry this mapper, so the limits cannot be forgotten.
 */
public class AccessKeyLimitsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "access-key-limits-mapper";
    /** Session attribute set while this mapper has Keycloak build a token again, so that it does not recurse. */
    private static final String REBUILDING = AccessKeyLimitsMapper.class.getName() + ".rebuilding";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Access key limits";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "For the app-password path (access-key-authenticator): adds access_key_id and cuts scope and roles to the key.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return new ArrayList<>();
    }

    @Override
    public int getPriority() {
        // after the role, audience and scope mappers (they use 0..10)
        return 1000;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return rebuild(token, session, userSession, clientSessionCtx);
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return rebuild(token, session, userSession, clientSessionCtx);
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String keyId = keyOfSession(session, userSession);
        if (keyId == null) {
            return token;
        }
        ClientSessionContext cut = cutToKey(session, userSession, clientSessionCtx, keyId);
        return withoutThisMapper(session, clientSessionCtx,
                () -> new TokenManager().transformIDToken(session, SessionTokens.idTokenBasics(token), userSession, cut));
    }

    /**
     * A session opened with a key: the token is built again from its basic claims with the client-session context cut
     * to the key (the key's scopes and roles), as the grant cuts it, and marked with {@code access_key_id}. A session
     * whose key no longer stands (also an expired key) cannot get a token any more: a refresh fails with
     * {@code invalid_grant}.
     */
    private static AccessToken rebuild(AccessToken token, KeycloakSession session, UserSessionModel userSession,
                                       ClientSessionContext clientSessionCtx) {
        String keyId = keyOfSession(session, userSession);
        if (keyId == null) {
            return token;
        }
        ClientSessionContext cut = cutToKey(session, userSession, clientSessionCtx, keyId);
        AccessToken rebuilt = withoutThisMapper(session, clientSessionCtx,
                () -> new TokenManager().transformAccessToken(session, SessionTokens.accessTokenBasics(token, cut), userSession, cut));
        KeyTokens.seal(rebuilt, keyId, userSession.getUser().getId());
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        Optional<RoleModel> widened = AdminApiScope.widenedRole(userSession.getRealm(), client, userSession.getUser(), rebuilt);
        if (widened.isPresent()) {
            throw new ErrorResponseException(OAuthErrorException.UNAUTHORIZED_CLIENT, AdminApiScope.refusal(widened.get()),
                    Response.Status.BAD_REQUEST);
        }
        return rebuilt;
    }

    /** @return the key a session was opened with, or null (also while this mapper rebuilds a token) */
    private static String keyOfSession(KeycloakSession session, UserSessionModel userSession) {
        if (userSession == null || session.getAttribute(REBUILDING) != null) {
            return null;
        }
        return userSession.getNote(AccessKeys.ACCESS_KEY_ID_CLAIM);
    }

    private static ClientSessionContext cutToKey(KeycloakSession session, UserSessionModel userSession,
                                                 ClientSessionContext clientSessionCtx, String keyId) {
        AccessKey key = AccessKeyService.of(session).verifier(userSession.getRealm()).keyOfActiveToken(keyId, userSession.getStarted());
        if (key == null) {
            throw new ErrorResponseException(OAuthErrorException.INVALID_GRANT,
                    "The access key this session was opened with no longer stands", Response.Status.BAD_REQUEST);
        }
        ClientSessionContext cut = TokenScoping.restrict(session, clientSessionCtx, key);
        session.setAttribute(ClientSessionContext.class.getName(), clientSessionCtx);
        TokenScoping.forgetResolvedRoles(session, clientSessionCtx);
        return cut;
    }

    private static <T> T withoutThisMapper(KeycloakSession session, ClientSessionContext outer, Supplier<T> build) {
        session.setAttribute(REBUILDING, Boolean.TRUE);
        try {
            return build.get();
        } finally {
            session.removeAttribute(REBUILDING);
            session.setAttribute(ClientSessionContext.class.getName(), outer);
        }
    }

    /** A mapper of this type for a client, for the admin REST or kcadm. */
    public static ProtocolMapperModel model() {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName("access key limits");
        model.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        model.setProtocolMapper(PROVIDER_ID);
        model.setConfig(new java.util.HashMap<>(Map.of("access.token.claim", "true", "id.token.claim", "true",
                "introspection.token.claim", "true")));
        return model;
    }
}
