package dev.accesskeys.ui;

import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * A realm whose own admin console (/admin/adminui/console/, for its realm admins) uses the access-keys admin theme: a
 * client that accepts access keys and one that does not yet; users come from the test.
 */
public class AdminConsoleRealmConfig implements RealmConfig {

    static final String REALM = "adminui";
    static final String CLIENT = "cli";
    static final String LATE_CLIENT = "late-app";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        RealmBuilder configured = realm.name(REALM)
                .adminEventsEnabled(true)
                .clients(ClientBuilder.create(CLIENT).publicClient().attribute("access.key.grant.enabled", "true"),
                        ClientBuilder.create(LATE_CLIENT).publicClient());
        configured.build().setAdminTheme("access-keys");
        return configured;
    }
}
