package dev.accesskeys.admin;

import dev.accesskeys.AccessKeys;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** The realm of the admin list/count/bulk-revoke tests: admin events with representations, a grant-enabled client. */
public class AdminBulkRealmConfig implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bulk").adminEventsEnabled(true).adminEventsDetailsEnabled(true)
                .clients(ClientBuilder.create().clientId("cli").publicClient(true)
                        .attribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"));
    }

    /** A realm of one test's own (the tests that revoke): the same settings under another name. */
    public static class RevokeRealm implements RealmConfig {

        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return new AdminBulkRealmConfig().configure(realm).name("bulk-revoke");
        }
    }
}
