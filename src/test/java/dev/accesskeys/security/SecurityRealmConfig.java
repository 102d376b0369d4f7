package dev.accesskeys.security;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.GrantClients;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm of the security suite: user and admin events (with representations) on, a realm role, a confidential and
 * a public client that allow the grant, one that does not, and a client whose access tokens live one second (for
 * expired tokens), and scoped-machine (public, no full scope). Users and keys come from {@link dev.accesskeys.support.AccessKeysApi}.
 */
public class SecurityRealmConfig implements RealmConfig {

    static final String NAME = "security";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name(NAME).eventsEnabled(true).adminEventsEnabled(true).adminEventsDetailsEnabled(true)
                .realmRoles("reader")
                .clients(ClientBuilder.create().clientId("machine").secret("machine-secret")
                                .attribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"),
                        ClientBuilder.create().clientId("cli").publicClient(true)
                                .attribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"),
                        ClientBuilder.create().clientId("no-keys").secret("no-keys-secret"),
                        ClientBuilder.create().clientId("short-lived").publicClient(true).directAccessGrantsEnabled(true)
                                .attribute("access.token.lifespan", "1"))
                // public, so that no client secret is in an admin event (SecretExposureIT reads them)
                .clients(scopedMachine());
    }

    /** Public, the grant allowed, no full scope: a limited key of an admin may be exchanged here (PermissionMatrixIT). */
    private static ClientRepresentation scopedMachine() {
        ClientRepresentation client = GrantClients.client(GrantClients.SCOPED, false, true);
        client.setFullScopeAllowed(false);
        return client;
    }
}
