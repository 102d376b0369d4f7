package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.TestUsers;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/** Users, keys, policy and the token endpoint of the lifecycle suite, through the public APIs only. */
final class LifecycleFixture {

    static final String GRANT = "urn:access-keys:grant-type:access-key";
    static final String INVALID = "Invalid access key or secret";

    record Key(String id, String secret) {
    }

    final Http http;
    final Keycloak admin;
    final String realmName;
    final RealmResource realm;

    LifecycleFixture(String base, Keycloak admin, String realmName) {
        this.http = new Http(base);
        this.admin = admin;
        this.realmName = realmName;
        this.realm = admin.realm(realmName);
    }

    String adminPath() {
        return "/admin/realms/" + realmName + "/access-keys";
    }

    String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** A new user with a unique name (and e-mail {@code name@example.org}); returns its id. */
    String user(String prefix) {
        return TestUsers.create(realm, prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "password");
    }

    Key createKey(String userId, String name, Map<String, ?> fields) {
        Reply reply = create(userId, name, fields);
        assertEquals(201, reply.status(), "create key: " + reply);
        return new Key(reply.text("id"), reply.text("secret"));
    }

    Reply create(String userId, String name, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("userId", userId);
        body.put("name", name);
        return http.json("POST", adminPath(), adminToken(), body);
    }

    Reply key(String id) {
        return http.get(adminPath() + "/" + id, adminToken());
    }

    Reply rotate(String id, Object body) {
        return body == null ? http.call("POST", adminPath() + "/" + id + "/rotate", adminToken(), null, null)
                : http.json("POST", adminPath() + "/" + id + "/rotate", adminToken(), body);
    }

    Reply patch(String id, Map<String, ?> fields) {
        return http.json("PATCH", adminPath() + "/" + id, adminToken(), fields);
    }

    Reply policy(Map<String, ?> policy) {
        return http.json("PUT", adminPath() + "/policy", adminToken(), policy);
    }

    Reply exchange(String keyId, String secret) {
        return exchange(http, keyId, secret);
    }

    /** The access-key grant at the {@code machine} client, through the given client (e.g. one on {@code ::1}). */
    Reply exchange(Http via, String keyId, String secret) {
        return via.form("/realms/" + realmName + "/protocol/openid-connect/token", Map.of("grant_type", GRANT,
                "client_id", "machine", "client_secret", "machine-secret", "key_id", keyId, "key_secret", secret));
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
