package dev.accesskeys.rest.account;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.rest.AccessKeyRepresentation;
import dev.accesskeys.rest.KeyAudit;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * User events for self-service changes: {@code UPDATE_CREDENTIAL} (create, update, rotate, revoke) and
 * {@code REMOVE_CREDENTIAL} (delete), with details {@code credential_type=access-key}, {@code access_key_id},
 * {@code access_key_action}. Never the secret.
 */
final class UserEventAudit implements KeyAudit {

    private final KeycloakSession session;
    private final AccountAuth auth;

    UserEventAudit(KeycloakSession session, AccountAuth auth) {
        this.session = session;
        this.auth = auth;
    }

    @Override
    public void record(Action action, AccessKey key, AccessKeyRepresentation representation) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(action == Action.DELETE ? EventType.REMOVE_CREDENTIAL : EventType.UPDATE_CREDENTIAL)
                .user(auth.user())
                .detail(Details.CREDENTIAL_TYPE, AccessKeys.CREDENTIAL_TYPE)
                .detail(AccessKeys.ACCESS_KEY_ID_CLAIM, key.getId())
                .detail(AccessKeys.ACTION_DETAIL, action.value());
        if (auth.impersonatorId() != null) {
            event.detail(Details.IMPERSONATOR, auth.impersonatorUsername()).detail("impersonator_id", auth.impersonatorId());
        }
        if (auth.client() != null) {
            event.client(auth.client());
        }
        event.success();
    }
}
