package dev.accesskeys.grant;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with events on; users, clients and keys are added by {@link GrantFixture}. */
public class GrantRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("grant").eventsEnabled(true).realmRoles("reader", "writer", "admin-ish");
    }
}
