package dev.accesskeys.token;

import dev.accesskeys.service.AccessKeyService;

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;

/**
 * Keycloak's access-token introspection, told the truth about keys' tokens. Every check of the stock provider runs
 * first (signature, expiry, client, session, owner enabled); for a token issued from an access key, the answer is
 * then the token's own claims (the scopes and roles it was cut to, {@code access_key_id}) instead of claims rebuilt
 * from the client's mappers, and {@code active} is false as soon as the key no longer stands: revoked, disabled,
 * deleted, expired, or its owner disabled or deleted. Other tokens are answered exactly as by the stock provider.
 * <p>
 * Keycloak's account API also asks this provider to complete lightweight tokens; a key's token is returned as it is.
 */
final class AccessKeyIntrospectionProvider extends AccessTokenIntrospectionProvider<AccessToken> {

    AccessKeyIntrospectionProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected boolean introspectionChecks(String tokenStr) {
        if (!super.introspectionChecks(tokenStr)) {
            return false;
        }
        String keyId = KeyTokens.keyId(token);
        if (keyId == null) {
            return true;
        }
        long issuedAt = token.getIat() == null ? 0 : token.getIat();
        if (AccessKeyService.of(session).verifier(realm).keyOfActiveToken(keyId, issuedAt) == null) {
            eventBuilder.detail(Details.REASON, "the access key the token was issued from no longer stands");
            eventBuilder.error(Errors.INVALID_TOKEN);
            transformedToken = null;
            return false;
        }
        return true;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, UserSessionModel userSession) {
        return KeyTokens.keyId(token) != null ? token : super.transformAccessToken(token, userSession);
    }
}
