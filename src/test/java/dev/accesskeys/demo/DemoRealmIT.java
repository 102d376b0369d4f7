package dev.accesskeys.demo;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.util.JsonSerialization;

/**
 * The demo realm of the run command ({@code demo/demo-realm.json}), imported into a real Keycloak: alice logs in
 * with her documented password, creates a key, exchanges it at {@code access-keys-cli} and uses it as an app
 * password at {@code access-keys-app-password}; the realm selects the access-keys account theme.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class DemoRealmIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @AfterEach
    void removeDemoRealm() {
        admin.realm("demo").remove();
    }

    @Test
    void demoRealmIsReadyForBothKeyPaths() throws Exception {
        RealmRepresentation demo;
        try (InputStream in = Files.newInputStream(Path.of("demo", "demo-realm.json"))) {
            demo = JsonSerialization.readValue(in, RealmRepresentation.class);
        }
        admin.realms().create(demo);
        assertEquals("access-keys", admin.realm("demo").toRepresentation().getAccountTheme());

        Http http = new Http(urls.getBase());
        Reply login = http.form("/realms/demo/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "access-keys-cli", "username", "alice", "password", "alice"));
        assertEquals(200, login.status(), login.toString());
        String alice = login.text("access_token");

        Reply created = http.json("POST", "/realms/demo/" + AccessKeys.REST_PROVIDER_ID, alice, Map.of("name", "demo", "scopes", List.of("profile")));
        assertEquals(201, created.status(), created.toString());
        String id = created.text("id");
        String secret = created.text("secret");

        Reply exchanged = http.form("/realms/demo/protocol/openid-connect/token", Map.of(
                "grant_type", AccessKeys.GRANT_TYPE, "client_id", "access-keys-cli",
                "key_id", id, "key_secret", secret));
        assertEquals(200, exchanged.status(), exchanged.toString());
        assertNotNull(exchanged.text("access_token"));
        assertNull(exchanged.text("refresh_token"));

        Reply appPassword = http.form("/realms/demo/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "access-keys-app-password", "username", id, "password", secret));
        assertEquals(200, appPassword.status(), appPassword.toString());
        assertNotNull(appPassword.text("access_token"));

        Reply wrongPassword = http.form("/realms/demo/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "access-keys-app-password", "username", "alice", "password", "alice"));
        assertNotNull(wrongPassword.text("error"), "a normal password is not an app password: " + wrongPassword);
        assertNull(wrongPassword.text("access_token"), wrongPassword.toString());
    }
}
