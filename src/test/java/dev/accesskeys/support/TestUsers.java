package dev.accesskeys.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import jakarta.ws.rs.core.Response;

/** Test users made through Keycloak's admin API, so they get the realm's default roles like any real user. */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates an enabled user with a verified e-mail and a password; returns its id. */
    public static String create(RealmResource realm, String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        user.setFirstName(username);
        user.setLastName("Tester");
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response created = realm.users().create(user)) {
            assertEquals(201, created.getStatus(), "create user " + username);
            String location = created.getLocation().toString();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** Maps roles of the realm's {@code realm-management} client (e.g. {@code view-users}) to the user. */
    public static void grantRealmManagementRoles(RealmResource realm, String userId, String... roles) {
        if (roles.length == 0) {
            return;
        }
        String clientUuid = realm.clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> mapped = new ArrayList<>();
        for (String role : roles) {
            mapped.add(realm.clients().get(clientUuid).roles().get(role).toRepresentation());
        }
        realm.users().get(userId).roles().clientLevel(clientUuid).add(mapped);
    }

    /** Maps realm roles to the user. */
    public static void grantRealmRoles(RealmResource realm, String userId, String... roles) {
        if (roles.length == 0) {
            return;
        }
        List<RoleRepresentation> mapped = new ArrayList<>();
        for (String role : roles) {
            mapped.add(realm.roles().get(role).toRepresentation());
        }
        realm.users().get(userId).roles().realmLevel().add(mapped);
    }
}
