package dev.accesskeys.authenticator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.grant.TokenScoping;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.AccessKeyException;
import dev.accesskeys.service.AccessKeyService;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;

/**
 * The app-password path's limits: on a session opened with an access key (the authenticator leaves the key ID in a
 * user-session note) it adds the claim {@code access_key_id} and cuts the token's {@code scope} to the key's scopes
 * and its realm and client roles to the key's roles. Runs after Keycloak's own role mappers. The authenticator
 * refuses to log in at a client that does not carry this mapper, so the limits cannot be forgotten.
 */
public class AccessKeyLimitsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "access-key-limits-mapper";

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
        return limit(token, session, userSession);
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return limit(token, session, userSession);
    }

    static AccessToken limit(AccessToken token, KeycloakSession session, UserSessionModel userSession) {
        String keyId = userSession == null ? null : userSession.getNote(AccessKeys.ACCESS_KEY_ID_CLAIM);
        if (keyId == null) {
            return token;
        }
        token.setOtherClaims(AccessKeys.ACCESS_KEY_ID_CLAIM, keyId);
        AccessKeyService service = new AccessKeyService(session, userSession.getRealm());
        AccessKey key;
        try {
            key = service.require(keyId);
        } catch (AccessKeyException e) {
            key = null;
        }
        List<String> scopes = key == null ? List.of() : key.getScopes();
        if (scopes != null && token.getScope() != null) {
            token.setScope(TokenScoping.parse(token.getScope()).stream()
                    .filter(s -> TokenScoping.OPENID.equals(s) || scopes.contains(s))
                    .collect(Collectors.joining(" ")));
        }
        Set<RoleModel> allowed = key == null ? Set.of() : TokenScoping.allowedRoles(service, key);
        if (allowed != null) {
            Set<String> realmRoles = allowed.stream().filter(r -> !r.isClientRole()).map(RoleModel::getName)
                    .collect(Collectors.toSet());
            if (token.getRealmAccess() != null && token.getRealmAccess().getRoles() != null) {
                token.getRealmAccess().getRoles().retainAll(realmRoles);
            }
            if (token.getResourceAccess() != null) {
                for (Map.Entry<String, AccessToken.Access> entry : token.getResourceAccess().entrySet()) {
                    Set<String> clientRoles = allowed.stream()
                            .filter(r -> r.isClientRole() && entry.getKey().equals(((ClientModel) r.getContainer()).getClientId()))
                            .map(RoleModel::getName).collect(Collectors.toSet());
                    if (entry.getValue().getRoles() != null) {
                        entry.getValue().getRoles().retainAll(clientRoles);
                    }
                }
                token.getResourceAccess().values().removeIf(a -> a.getRoles() == null || a.getRoles().isEmpty());
            }
        }
        return token;
    }

    /** A mapper of this type for a client, for the admin REST or kcadm. */
    public static ProtocolMapperModel model() {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName("access key limits");
        model.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        model.setProtocolMapper(PROVIDER_ID);
        model.setConfig(new java.util.HashMap<>(Map.of("access.token.claim", "true", "introspection.token.claim", "true")));
        return model;
    }
}
