package dev.accesskeys.rest;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Usernames of key owners for the representations of one request; each owner is looked up once (a page of the admin
 * list holds many keys of few users).
 */
final class OwnerNames {

    private final KeycloakSession session;
    private final Map<String, String> known = new HashMap<>();

    private OwnerNames(KeycloakSession session) {
        this.session = session;
    }

    /** The owner names of the request being answered. */
    static OwnerNames ofRequest() {
        return new OwnerNames(KeycloakSessionUtil.getKeycloakSession());
    }

    /** @return the owner's username, or null when the owner is gone (or there is no request) */
    String username(String realmId, String userId) {
        if (session == null) {
            return null;
        }
        return known.computeIfAbsent(userId, id -> {
            RealmModel realm = realm(realmId);
            UserModel user = realm == null ? null : session.users().getUserById(realm, id);
            return user == null ? null : user.getUsername();
        });
    }

    private RealmModel realm(String realmId) {
        RealmModel current = session.getContext().getRealm();
        return current != null && current.getId().equals(realmId) ? current : session.realms().getRealm(realmId);
    }
}
