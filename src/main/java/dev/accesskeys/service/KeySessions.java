package dev.accesskeys.service;

import java.util.List;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.model.AccessKey;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * The sessions opened with a key on the app-password path (their user-session note {@code access_key_id} names it):
 * when the key stops (revoke, disable, rotate, delete) they end, online and offline, through Keycloak's session store,
 * which every node shares. A refresh then fails. Expiry needs no event: the limits mapper refuses a refresh of a
 * session whose key no longer stands ({@link AccessKeyService#keyOfActiveToken}).
 */
final class KeySessions {

    private KeySessions() {
    }

    static void end(KeycloakSession session, RealmModel realm, AccessKey key) {
        UserModel owner = session.users().getUserById(realm, key.getUserId());
        if (owner == null) {
            return;
        }
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, owner)
                .filter(s -> key.getId().equals(s.getNote(AccessKeys.ACCESS_KEY_ID_CLAIM))).toList();
        online.forEach(s -> session.sessions().removeUserSession(realm, s));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, owner)
                .filter(s -> key.getId().equals(s.getNote(AccessKeys.ACCESS_KEY_ID_CLAIM))).toList();
        offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
    }
}
