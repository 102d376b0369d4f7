package dev.accesskeys.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;

/**
 * What a test does against one node over HTTP: the master admin's REST calls (token renewed every 30 s; a token is
 * bound to the node's issuer URL, so each node has its own), realm set-up, and key exchanges at the token endpoint.
 */
final class NodeClient {

    static final String MACHINE_CLIENT = "machine";
    /** Public client for user logins by password whose tokens carry the {@code account} audience (self-service API). */
    static final String LOGIN_CLIENT = "login";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private String adminToken;
    private long adminTokenAt;

    NodeClient(KeycloakNode node) {
        this.http = new Http(node.baseUrl());
    }

    Http http() {
        return http;
    }

    synchronized String adminToken() {
        if (adminToken == null || System.currentTimeMillis() - adminTokenAt > 30_000) {
            adminToken = http.passwordToken("master", KeycloakNode.ADMIN, KeycloakNode.ADMIN);
            adminTokenAt = System.currentTimeMillis();
        }
        return adminToken;
    }

    /** {@code method} on {@code /admin/realms{path}} with a JSON body (or none). */
    Reply admin(String method, String path, Object body) {
        return http.json(method, "/admin/realms" + path, adminToken(), body);
    }

    Reply adminGet(String path) {
        return http.get("/admin/realms" + path, adminToken());
    }

    Reply serverInfo() {
        return http.get("/admin/serverinfo", adminToken());
    }

    /**
     * Realm {@code realm} with users (password = username) and a public client {@value #MACHINE_CLIENT} that allows
     * the access-key grant; returns user name → id.
     */
    Map<String, String> createRealm(String realm, String... usernames) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (String username : usernames) {
            users.add(Map.of("username", username, "enabled", true, "email", username + "@example.org", "emailVerified", true,
                    "firstName", username, "lastName", "Tester", "realmRoles", List.of("default-roles-" + realm),
                    "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false))));
        }
        Map<String, Object> client = Map.of("clientId", MACHINE_CLIENT, "enabled", true, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "attributes", Map.of(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, "true"));
        Map<String, Object> login = Map.of("clientId", LOGIN_CLIENT, "enabled", true, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "protocolMappers", List.of(Map.of("name", "account audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.client.audience", "account", "access.token.claim", "true"))));
        Reply created = admin("POST", "", Map.of("realm", realm, "enabled", true, "users", users, "clients", List.of(client, login)));
        expect(201, created, "create realm " + realm);
        Map<String, String> ids = new HashMap<>();
        for (String username : usernames) {
            Reply found = adminGet("/" + realm + "/users?exact=true&username=" + username);
            expect(200, found, "find user " + username);
            ids.put(username, found.json().get(0).get("id").asText());
        }
        return ids;
    }

    /** More users (e-mail {@code name@example.org}) in an existing realm; returns user name → id. */
    Map<String, String> createUsers(String realm, String... usernames) {
        Map<String, String> ids = new HashMap<>();
        for (String username : usernames) {
            expect(201, admin("POST", "/" + realm + "/users", Map.of("username", username, "enabled", true,
                    "email", username + "@example.org", "emailVerified", true, "firstName", username, "lastName", "Tester")),
                    "create user " + username);
            Reply found = adminGet("/" + realm + "/users?exact=true&username=" + username);
            expect(200, found, "find user " + username);
            ids.put(username, found.json().get(0).get("id").asText());
        }
        return ids;
    }

    /** A user's access token for the self-service API (password grant on {@value #LOGIN_CLIENT}). */
    String userToken(String realm, String username) {
        Reply reply = http.form("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", LOGIN_CLIENT, "username", username, "password", username));
        expect(200, reply, "token of " + username);
        return reply.text("access_token");
    }

    /** Admin-created key of {@code userId}: the 201 answer (id, secret, …). */
    JsonNode createKey(String realm, String userId, String name, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("userId", userId);
        body.put("name", name);
        Reply reply = admin("POST", "/" + realm + "/access-keys", body);
        expect(201, reply, "create key " + name);
        return reply.json();
    }

    JsonNode key(String realm, String id) {
        Reply reply = adminGet("/" + realm + "/access-keys/" + id);
        expect(200, reply, "get key " + id);
        return reply.json();
    }

    /** The access-key grant at this node's token endpoint. */
    Reply exchange(String realm, String keyId, String secret) {
        return http.form("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", AccessKeys.GRANT_TYPE, "client_id", MACHINE_CLIENT, "key_id", keyId, "key_secret", secret));
    }

    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT", e);
        }
    }

    static void expect(int status, Reply reply, String what) {
        if (reply.status() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + reply);
        }
    }
}
