package dev.accesskeys.leastprivilege;

import dev.accesskeys.support.GrantClients;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm of its own for tests that change the realm policy or the client policies; clients as {@link LeastPrivilegeRealmConfig}. */
public class HygieneRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return GrantClients.scopedClients(GrantClients.grantRealm(realm.name("hygiene").eventsEnabled(true)));
    }
}
