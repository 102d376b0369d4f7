package dev.accesskeys.leastprivilege;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with events on; users, clients and keys are added by {@link KeyTokenFixture}. */
public class LeastPrivilegeRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("least-privilege").eventsEnabled(true).realmRoles("reader", "writer", "admin-ish");
    }
}
