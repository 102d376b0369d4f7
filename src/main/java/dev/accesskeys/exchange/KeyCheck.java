package dev.accesskeys.exchange;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.AccessKeyException;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.KeyThrottle;
import dev.accesskeys.service.KeyVerification;
import dev.accesskeys.service.KeyVerifier;

import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The checks shared by the grant and the app-password authenticator, in order: the client allows the grant, the key
 * verifies (through the service) and is not throttled, the client address is within the key's {@code allowedCidrs}
 * (refused like a bad key), the key allows the client, the requested scopes are within the key. Every failure is recorded on the event (never the secret); callers turn it into their own response.
 */
public final class KeyCheck {

    /** The one description of every bad, unknown, disabled, revoked, expired or locked key and disabled owner. */
    public static final String INVALID_KEY_DESCRIPTION = "Invalid access key or secret";

    public record Result(AccessKey key, UserModel owner, String error, String description) {
        public boolean ok() {
            return error == null;
        }
    }

    private KeyCheck() {
    }

    public static boolean grantEnabled(ClientModel client) {
        return Boolean.parseBoolean(client.getAttribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE));
    }

    public static Result check(KeycloakSession session, RealmModel realm, ClientModel client, EventBuilder event,
                               String keyId, String secret, String scopeParam, String remoteHost) {
        event.detail(Details.CREDENTIAL_TYPE, AccessKeys.CREDENTIAL_TYPE);
        if (keyId != null) {
            event.detail(AccessKeys.ACCESS_KEY_ID_CLAIM, keyId.length() > 64 ? keyId.substring(0, 64) : keyId);
        }
        if (!grantEnabled(client)) {
            event.detail(Details.REASON, "client attribute " + AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE + " is not true");
            event.error(Errors.NOT_ALLOWED);
            return fail(OAuthErrorException.UNAUTHORIZED_CLIENT, "Client is not allowed to exchange access keys");
        }
        if (keyId == null || keyId.isBlank() || secret == null || secret.isEmpty()) {
            event.detail(Details.REASON, "key ID or secret missing");
            event.error(Errors.INVALID_REQUEST);
            return fail(OAuthErrorException.INVALID_REQUEST, "Missing access key ID or secret");
        }
        AccessKeyService service = AccessKeyService.of(session);
        KeyThrottle throttle = service.throttle(realm);
        KeyVerifier verifier = service.verifier(realm);
        KeyVerification verification = verifier.verify(keyId, secret);
        long now = AccessKeyService.now();
        if (verification.key() != null && verification.owner() != null) {
            event.user(verification.owner());
        }
        if (throttle.isLocked(keyId, remoteHost, now)) {
            event.detail(Details.REASON, "key temporarily locked after repeated failures");
            event.error(Errors.USER_TEMPORARILY_DISABLED);
            return fail(OAuthErrorException.INVALID_GRANT, INVALID_KEY_DESCRIPTION);
        }
        if (!verification.isValid()) {
            if (verification.key() != null && verification.outcome() == KeyVerification.Outcome.WRONG_SECRET) {
                throttle.failure(keyId, remoteHost, now);
            }
            event.detail(Details.REASON, "access key " + verification.outcome().name().toLowerCase());
            event.error(switch (verification.outcome()) {
                case OWNER_DISABLED -> Errors.USER_DISABLED;
                case DISABLED, REVOKED, EXPIRED -> Errors.INVALID_USER_CREDENTIALS;
                default -> Errors.INVALID_USER_CREDENTIALS;
            });
            return fail(OAuthErrorException.INVALID_GRANT, INVALID_KEY_DESCRIPTION);
        }
        throttle.success(keyId, remoteHost);
        AccessKey key = verification.key();
        UserModel owner = verification.owner();
        event.user(owner).detail(Details.USERNAME, owner.getUsername());
        // the client address as Keycloak resolved it (its proxy-headers option), an IP literal
        String address = session.getContext().getConnection() == null ? null : session.getContext().getConnection().getRemoteAddr();
        if (!verifier.allowsAddress(key, address)) {
            event.detail(Details.REASON, "client address " + AccessKeyException.shown(address) + " is outside the key's allowedCidrs");
            event.error(Errors.NOT_ALLOWED);
            return fail(OAuthErrorException.INVALID_GRANT, INVALID_KEY_DESCRIPTION);
        }
        if (!verifier.allowsClient(key, client)) {
            event.detail(Details.REASON, "the key's clients do not include " + client.getClientId());
            event.error(Errors.NOT_ALLOWED);
            return fail(OAuthErrorException.UNAUTHORIZED_CLIENT, "The access key may not be used at this client");
        }
        String outside = TokenScoping.outsideKey(key, scopeParam);
        if (outside != null) {
            event.detail(Details.REASON, "scope outside the key: " + AccessKeyException.shown(outside));
            event.error(Errors.INVALID_REQUEST);
            return fail(OAuthErrorException.INVALID_SCOPE, "Scope not allowed by the access key: " + AccessKeyException.shown(outside));
        }
        return new Result(key, owner, null, null);
    }

    private static Result fail(String error, String description) {
        return new Result(null, null, error, description);
    }
}
