package dev.accesskeys.leastprivilege;

import dev.accesskeys.support.GrantClients;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with fine-grained admin permissions (v2) on; clients as {@link LeastPrivilegeRealmConfig}. */
public class FineGrainedRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return GrantClients.scopedClients(GrantClients.grantRealm(realm.name("fine-grained").eventsEnabled(true)
                .adminPermissionsEnabled(true)));
    }
}
