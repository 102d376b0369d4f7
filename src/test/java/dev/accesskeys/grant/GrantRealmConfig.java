package dev.accesskeys.grant;

import dev.accesskeys.support.GrantClients;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with events on, the grant clients and the app-password flow of {@link GrantClients}. */
public class GrantRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return GrantClients.grantRealm(realm.name("grant").eventsEnabled(true));
    }
}
