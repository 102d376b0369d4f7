package dev.accesskeys.ui;

import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A realm that selects the access-keys account theme, with a client that accepts access keys. */
public class AccountConsoleRealmConfig implements RealmConfig {

    static final String REALM = "console";
    static final String CLIENT = "cli";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name(REALM)
                .accountTheme("access-keys")
                .clients(ClientBuilder.create(CLIENT)
                        .publicClient()
                        .attribute("access.key.grant.enabled", "true"));
    }
}
