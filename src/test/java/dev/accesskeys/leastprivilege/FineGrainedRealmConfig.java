package dev.accesskeys.leastprivilege;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with fine-grained admin permissions (v2) on. */
public class FineGrainedRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("fine-grained").eventsEnabled(true).realmRoles("reader", "writer", "admin-ish")
                .adminPermissionsEnabled(true);
    }
}
