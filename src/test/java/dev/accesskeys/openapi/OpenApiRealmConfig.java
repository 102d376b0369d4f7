package dev.accesskeys.openapi;

import dev.accesskeys.AccessKeys;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** The realm of {@link OpenApiIT}: a public client that allows the grant (for a token issued from a key). */
public class OpenApiRealmConfig implements RealmConfig {

    static final String NAME = "openapi";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name(NAME)
                .clients(ClientBuilder.create().clientId("cli").publicClient(true)
                        .attribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"));
    }
}
