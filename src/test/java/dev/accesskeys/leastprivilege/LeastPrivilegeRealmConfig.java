package dev.accesskeys.leastprivilege;

import dev.accesskeys.support.GrantClients;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with events on, the grant clients of {@link GrantClients} and its scoped clients. */
public class LeastPrivilegeRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return GrantClients.scopedClients(GrantClients.grantRealm(realm.name("least-privilege").eventsEnabled(true)));
    }
}
