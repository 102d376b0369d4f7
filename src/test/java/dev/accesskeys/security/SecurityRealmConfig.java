package dev.accesskeys.security;

import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm of the security suite: user and admin events (with representations) on, a realm role, a confidential and
 * a public client that allow the grant, one that does not, and a client whose access tokens live one second (for
 * expired tokens). Users and keys come from {@link SecurityFixture}.
 */
public class SecurityRealmConfig implements RealmConfig {

    static final String NAME = "security";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name(NAME).eventsEnabled(true).adminEventsEnabled(true).adminEventsDetailsEnabled(true)
                .realmRoles("reader")
                .clients(ClientBuilder.create().clientId("machine").secret("machine-secret")
                                .attribute("access.key.grant.enabled", "true"),
                        ClientBuilder.create().clientId("cli").publicClient(true)
                                .attribute("access.key.grant.enabled", "true"),
                        ClientBuilder.create().clientId("no-keys").secret("no-keys-secret"),
                        ClientBuilder.create().clientId("short-lived").publicClient(true).directAccessGrantsEnabled(true)
                                .attribute("access.token.lifespan", "1"));
    }
}
