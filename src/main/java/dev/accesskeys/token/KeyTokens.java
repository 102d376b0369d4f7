package dev.accesskeys.token;

import java.util.HashSet;

import dev.accesskeys.AccessKeys;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.encode.AccessTokenContext;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.JsonWebToken;

/**
 * What makes a token a key's token, and the two properties that keep Keycloak's own endpoints from widening it.
 * <p>
 * Keycloak's admin and account APIs take a token's roles from its {@code realm_access} / {@code resource_access}
 * claims, except for a token they consider lightweight: then they re-read the owner's role mappings
 * ({@code AuthenticationManager.resolveLightweightAccessTokenRoles}, the account API's lookup through the
 * introspection provider). Keycloak considers a token lightweight when it was issued as one (clients with
 * {@code client.use.lightweight.access.token.enabled}, which includes {@code admin-cli} and
 * {@code security-admin-console}), when it has no subject, or when it has neither a session ID nor any role claim.
 * A key's token is therefore never issued as a lightweight token (refused), always names its owner as subject, and
 * always carries a {@code realm_access} claim, empty when the key allows no realm role ({@link #seal}).
 */
public final class KeyTokens {

    public static final String LIGHTWEIGHT_REFUSAL = "Access keys cannot be used at a client that issues lightweight access tokens";

    private KeyTokens() {
    }

    /** @return the key ID a token was issued from, or null for any other token */
    public static String keyId(JsonWebToken token) {
        Object value = token == null ? null : token.getOtherClaims().get(AccessKeys.ACCESS_KEY_ID_CLAIM);
        return value instanceof String id ? id : null;
    }

    /** Whether Keycloak issued the token as a lightweight one (its ID says so). */
    public static boolean isLightweight(KeycloakSession session, AccessToken token) {
        AccessTokenContext context = session.getProvider(TokenContextEncoderProvider.class).getTokenContextFromTokenId(token.getId());
        return context.getTokenType() == AccessTokenContext.TokenType.LIGHTWEIGHT;
    }

    /**
     * Marks the token as the key's and gives it the owner as subject (the {@code basic} scope's mapper may be outside
     * the key) and an explicit (possibly empty) realm-role claim.
     */
    public static AccessToken seal(AccessToken token, String keyId, String ownerId) {
        token.setOtherClaims(AccessKeys.ACCESS_KEY_ID_CLAIM, keyId);
        if (token.getSubject() == null) {
            token.subject(ownerId);
        }
        if (token.getRealmAccess() == null) {
            token.setRealmAccess(new AccessToken.Access().roles(new HashSet<>()));
        }
        return token;
    }
}
