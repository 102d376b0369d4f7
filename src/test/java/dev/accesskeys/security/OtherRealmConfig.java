package dev.accesskeys.security;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A second realm: its users, admins and tokens must open nothing in {@link SecurityRealmConfig}'s realm. */
public class OtherRealmConfig implements RealmConfig {

    static final String NAME = "security-other";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name(NAME);
    }
}
