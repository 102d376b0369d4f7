package dev.accesskeys.rest;

import dev.accesskeys.AccessKeys;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** The realm of the REST tests: events on, a grant-enabled client, a realm role; users come from the test. */
public class RestRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("rest").eventsEnabled(true).adminEventsEnabled(true).adminEventsDetailsEnabled(true)
                .realmRoles("reader")
                .clients(ClientBuilder.create().clientId("cli").publicClient(true)
                        .attribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"));
    }
}
