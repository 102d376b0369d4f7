package dev.accesskeys.token;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocolFactory;

/**
 * Keycloak's {@code openid-connect} protocol, unchanged but for its userinfo endpoint
 * ({@link KeyScopedUserInfoEndpoint}). Keycloak offers no other hook into userinfo: a provider of the same ID from an
 * extension takes the place of the built-in one.
 */
public final class KeyAwareOIDCLoginProtocolFactory extends OIDCLoginProtocolFactory {

    @Override
    public Object createProtocolEndpoint(KeycloakSession session, EventBuilder event) {
        return new KeyAwareOIDCLoginProtocolService(session, event);
    }
}
