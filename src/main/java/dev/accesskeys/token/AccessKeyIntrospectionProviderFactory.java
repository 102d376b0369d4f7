package dev.accesskeys.token;

import dev.accesskeys.StatelessProviderFactory;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.protocol.oidc.TokenIntrospectionProviderFactory;

/**
 * Takes the place of Keycloak's {@code access_token} introspection provider (same ID, higher order); see
 * {@link AccessKeyIntrospectionProvider}.
 */
public final class AccessKeyIntrospectionProviderFactory implements TokenIntrospectionProviderFactory,
        StatelessProviderFactory<TokenIntrospectionProvider> {

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new AccessKeyIntrospectionProvider(session);
    }

    @Override
    public String getId() {
        return AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE;
    }

    @Override
    public int order() {
        return 100;
    }
}
