package dev.accesskeys.service;

import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.KeyPolicy;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What every part of the service works with: the session, the realm, the key store and the node's state. */
record ServiceContext(KeycloakSession session, RealmModel realm, AccessKeyProvider store, NodeState node) {

    long now() {
        return Time.currentTimeMillis();
    }

    KeyPolicy policy() {
        return PolicyStore.read(realm);
    }
}
