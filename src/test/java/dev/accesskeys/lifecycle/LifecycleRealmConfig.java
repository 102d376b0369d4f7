package dev.accesskeys.lifecycle;

import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm with user events on and a confidential client that allows the access-key grant. */
public class LifecycleRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("lifecycle").eventsEnabled(true)
                .clients(ClientBuilder.create().clientId("machine").secret("machine-secret")
                        .attribute("access.key.grant.enabled", "true"));
    }
}
