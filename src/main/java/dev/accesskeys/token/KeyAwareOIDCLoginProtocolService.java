package dev.accesskeys.token;

import jakarta.ws.rs.Path;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.TokenManager;

/** Keycloak's OIDC endpoints, with the userinfo endpoint cut to the key for a key's token. */
final class KeyAwareOIDCLoginProtocolService extends OIDCLoginProtocolService {

    private final KeycloakSession session;

    KeyAwareOIDCLoginProtocolService(KeycloakSession session, EventBuilder event) {
        super(session, event);
        this.session = session;
    }

    @Override
    @Path("userinfo")
    public Object issueUserInfo() {
        return new KeyScopedUserInfoEndpoint(session, new TokenManager());
    }
}
