package dev.accesskeys.leastprivilege;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm of its own for tests that change the realm policy or the client policies. */
public class HygieneRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("hygiene").eventsEnabled(true).realmRoles("reader", "writer", "admin-ish");
    }
}
