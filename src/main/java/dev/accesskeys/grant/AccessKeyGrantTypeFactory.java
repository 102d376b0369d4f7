package dev.accesskeys.grant;

import dev.accesskeys.StatelessProviderFactory;
import dev.accesskeys.AccessKeys;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/** Registers {@value AccessKeys#GRANT_TYPE} at the token endpoint. */
public class AccessKeyGrantTypeFactory implements OAuth2GrantTypeFactory, StatelessProviderFactory<OAuth2GrantType> {

    /** Two characters: it is encoded in the ID of every token issued (Keycloak's token context). */
    public static final String SHORTCUT = "ak";

    @Override
    public String getId() {
        return AccessKeys.GRANT_TYPE;
    }

    @Override
    public String getShortcut() {
        return SHORTCUT;
    }

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new AccessKeyGrantType();
    }
}
