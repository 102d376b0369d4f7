package dev.accesskeys.authenticator;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * The claims Keycloak sets on a token before any protocol mapper runs (as in {@code TokenManager.initToken}): what a
 * token built again for a key keeps. Everything else comes from the mappers of the cut client-session context.
 */
final class SessionTokens {

    private SessionTokens() {
    }

    static AccessToken accessTokenBasics(AccessToken token, ClientSessionContext cut) {
        AccessToken basics = new AccessToken();
        copyBasics(token, basics);
        basics.setScope(cut.getScopeString());
        basics.setConfirmation(token.getConfirmation());
        return basics;
    }

    static IDToken idTokenBasics(IDToken token) {
        IDToken basics = new IDToken();
        copyBasics(token, basics);
        basics.audience(token.getAudience());
        basics.setAccessTokenHash(token.getAccessTokenHash());
        basics.setCodeHash(token.getCodeHash());
        basics.setStateHash(token.getStateHash());
        return basics;
    }

    private static void copyBasics(IDToken from, IDToken to) {
        to.id(from.getId());
        to.type(from.getType());
        to.subject(from.getSubject());
        to.iat(from.getIat());
        to.exp(from.getExp());
        to.nbf(from.getNbf());
        to.issuedFor(from.getIssuedFor());
        to.issuer(from.getIssuer());
        to.setNonce(from.getNonce());
        to.setAuth_time(from.getAuth_time());
        to.setSessionId(from.getSessionId());
        to.setAcr(from.getAcr());
    }
}
