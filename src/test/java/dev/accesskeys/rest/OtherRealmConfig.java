package dev.accesskeys.rest;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** A second realm: its tokens must open nothing in the first. */
public class OtherRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("other");
    }
}
