package dev.accesskeys.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysApi;
import dev.accesskeys.support.AccessKeysApi.Key;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Every endpoint of both REST APIs × every kind of caller, against one table of expected statuses. The table the
 * run produced is written to {@code target/security-reports/permission-matrix.md} (and is the README's "Permission
 * matrix"). Each call on a key uses a fresh key of the owner, so a delete or revoke in one cell cannot decide another.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class PermissionMatrixIT {

    /** Columns: the callers. */
    private static final List<String> CALLERS = List.of("anonymous", "bad token", "expired token", "user (owner)", "other user",
            "token from a key", "token from a key without roles", "admin without role", "view-users", "manage-users",
            "manage-users + impersonation", "manage-realm", "admin of another realm", "token of another realm");

    /** Rows: endpoint, then the expected status for each caller, in the order of {@link #CALLERS}. */
    private static final String[][] EXPECTED = {
        {"GET /realms/{r}/access-keys",                     "401", "401", "401", "200", "200", "403", "403", "200", "200", "200", "200", "200", "401", "401"},
        {"POST /realms/{r}/access-keys",                    "401", "401", "401", "201", "201", "403", "403", "201", "201", "201", "201", "201", "401", "401"},
        {"GET /realms/{r}/access-keys/options",             "401", "401", "401", "200", "200", "403", "403", "200", "200", "200", "200", "200", "401", "401"},
        {"GET /realms/{r}/access-keys/{id}",                "401", "401", "401", "200", "404", "403", "403", "404", "404", "404", "404", "404", "401", "401"},
        {"PATCH /realms/{r}/access-keys/{id}",              "401", "401", "401", "200", "404", "403", "403", "404", "404", "404", "404", "404", "401", "401"},
        {"POST /realms/{r}/access-keys/{id}/revoke",        "401", "401", "401", "200", "404", "403", "403", "404", "404", "404", "404", "404", "401", "401"},
        {"POST /realms/{r}/access-keys/{id}/rotate",        "401", "401", "401", "200", "404", "403", "403", "404", "404", "404", "404", "404", "401", "401"},
        {"DELETE /realms/{r}/access-keys/{id}",             "401", "401", "401", "204", "404", "403", "403", "404", "404", "404", "404", "404", "401", "401"},
        {"GET /admin/realms/{r}/access-keys",               "401", "401", "401", "403", "403", "403", "403", "403", "200", "200", "200", "403", "403", "403"},
        {"POST /admin/realms/{r}/access-keys",              "401", "401", "401", "403", "403", "403", "403", "403", "403", "403", "201", "403", "403", "403"},
        {"GET /admin/realms/{r}/access-keys/{id}",          "401", "401", "401", "403", "403", "403", "403", "403", "200", "200", "200", "403", "403", "403"},
        {"PATCH /admin/realms/{r}/access-keys/{id}",        "401", "401", "401", "403", "403", "403", "403", "403", "403", "200", "200", "403", "403", "403"},
        {"POST /admin/realms/{r}/access-keys/{id}/revoke",  "401", "401", "401", "403", "403", "403", "403", "403", "403", "200", "200", "403", "403", "403"},
        {"POST /admin/realms/{r}/access-keys/{id}/rotate",  "401", "401", "401", "403", "403", "403", "403", "403", "403", "403", "200", "403", "403", "403"},
        {"DELETE /admin/realms/{r}/access-keys/{id}",       "401", "401", "401", "403", "403", "403", "403", "403", "403", "204", "204", "403", "403", "403"},
        {"GET /admin/realms/{r}/access-keys/policy",        "401", "401", "401", "403", "403", "403", "403", "403", "403", "403", "403", "200", "403", "403"},
        {"PUT /admin/realms/{r}/access-keys/policy",        "401", "401", "401", "403", "403", "403", "403", "403", "403", "403", "403", "200", "403", "403"},
        // Keycloak's own endpoints: a key's token acts with exactly the key's roles (the keyed admin's key without limits
        // carries all of the admin's roles; the key without roles carries none)
        {"GET /admin/realms/{r}/users",                    "401", "401", "401", "403", "403", "200", "403", "403", "200", "200", "200", "403", "403", "403"},
        {"POST /admin/realms/{r}/users",                   "401", "401", "401", "403", "403", "201", "403", "403", "403", "201", "201", "403", "403", "403"},
        {"GET /realms/{r}/account/",                       "401", "401", "401", "200", "200", "200", "401", "200", "200", "200", "200", "200", "401", "401"},
        {"POST /realms/{r}/account/",                      "401", "401", "401", "204", "204", "204", "401", "204", "204", "204", "204", "204", "401", "401"},
        {"POST /realms/{r}/clients-registrations/default", "403", "401", "401", "403", "403", "403", "403", "403", "403", "403", "403", "403", "401", "401"},
    };

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectRealm(ref = "other", config = OtherRealmConfig.class)
    ManagedRealm otherRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private AccessKeysApi f;
    private String ownerId;
    private int created;

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        f = new AccessKeysApi(urls.getBase(), admin, realm.getName());
        f.policy(Map.of("maxKeysPerUser", 10_000));
        ownerId = f.user("owner");
        f.user("other-user");
        f.user("no-role-admin");
        f.user("viewer", "view-users");
        f.user("manager", "manage-users");
        f.user("impersonator", "manage-users", "impersonation");
        f.user("realm-manager", "manage-realm");
        // the key behind "token from a key" belongs to an admin who holds every role the admin API asks for, so a
        // refusal there is the refusal of key-issued tokens, not a missing role
        String keyedAdmin = f.user("keyed-admin", "view-users", "manage-users", "manage-realm", "view-realm");
        AccessKeysApi other = new AccessKeysApi(urls.getBase(), admin, otherRealm.getName());
        other.user("stranger");
        other.user("foreign-admin", "view-users", "manage-users", "manage-realm", "view-realm");

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("bad token", f.forgedToken(true));
        tokens.put("user (owner)", f.token("owner"));
        tokens.put("other user", f.token("other-user"));
        Key adminsKey = f.createKey(keyedAdmin, "matrix", Map.of());
        Reply exchanged = f.exchange(adminsKey);
        assertEquals(200, exchanged.status(), exchanged.toString());
        tokens.put("token from a key", exchanged.text("access_token"));
        // at a client without full scope: Keycloak's admin API counts an owner's role wherever the client has it in
        // scope, so a limited key of an admin is refused at full-scope clients (AdminApiIT)
        // (scoped-machine, declared by SecurityRealmConfig)
        Key keyWithoutRoles = f.createKey(keyedAdmin, "matrix without roles", Map.of("roles", List.of()));
        Reply noRoles = f.exchange("scoped-machine", null, keyWithoutRoles.id(), keyWithoutRoles.secret());
        assertEquals(200, noRoles.status(), noRoles.toString());
        tokens.put("token from a key without roles", noRoles.text("access_token"));
        tokens.put("admin without role", f.token("no-role-admin"));
        tokens.put("view-users", f.token("viewer"));
        tokens.put("manage-users", f.token("manager"));
        tokens.put("manage-users + impersonation", f.token("impersonator"));
        tokens.put("manage-realm", f.token("realm-manager"));
        tokens.put("admin of another realm", other.token("foreign-admin"));
        tokens.put("token of another realm", other.token("stranger"));
        // expired: the owner's token (self-service rows) and the manager's (admin rows), from a client whose tokens
        // live one second
        String expiredOwner = shortLivedToken("owner");
        String expiredManager = shortLivedToken("manager");
        Thread.sleep(2500);

        List<String> mismatches = new ArrayList<>();
        List<String> notJson = new ArrayList<>();
        StringBuilder table = new StringBuilder("| endpoint | " + String.join(" | ", CALLERS) + " |\n|---|"
                + "---:|".repeat(CALLERS.size()) + "\n");
        for (String[] row : EXPECTED) {
            String endpoint = row[0];
            table.append("| `").append(endpoint).append("` |");
            for (int c = 0; c < CALLERS.size(); c++) {
                String caller = CALLERS.get(c);
                String token = caller.equals("expired token")
                        ? (endpoint.contains("/admin/") ? expiredManager : expiredOwner)
                        : tokens.get(caller);
                Reply reply = call(endpoint, token);
                int expected = Integer.parseInt(row[c + 1]);
                // Keycloak's admin root refuses some callers before the extension runs; the same token at Keycloak's own
                // user list gets the same answer, and the cell is marked †
                boolean keycloaks = endpoint.contains("/admin/") && reply.status() >= 400 && !AccessKeysApi.isJsonError(reply)
                        && sameAnswer(reply, f.http().get("/admin/realms/" + f.realm() + "/users", token));
                table.append(' ').append(reply.status() == expected ? String.valueOf(expected)
                        : "**" + reply.status() + "** (expected " + expected + ")").append(keycloaks ? "†" : "").append(" |");
                if (reply.status() != expected) {
                    mismatches.add(endpoint + " as " + caller + ": expected " + expected + ", got " + reply);
                }
                // Keycloak's own endpoints (the rows without access-keys) answer with Keycloak's error bodies
                if (reply.status() >= 400 && !AccessKeysApi.isJsonError(reply) && !keycloaks && endpoint.contains("/access-keys")) {
                    notJson.add(endpoint + " as " + caller + ": " + reply);
                }
            }
            table.append('\n');
        }
        System.out.println("PERMISSION MATRIX\n" + table);
        Reports.write("permission-matrix.md", table.toString());
        assertTrue(mismatches.isEmpty(), "cells that differ from the table:\n" + String.join("\n", mismatches));
        assertTrue(notJson.isEmpty(), "refusals without the JSON error shape:\n" + String.join("\n", notJson));
    }

    private static boolean sameAnswer(Reply reply, Reply stock) {
        return reply.status() == stock.status() && reply.body().equals(stock.body());
    }

    private String shortLivedToken(String username) {
        Reply reply = f.http().form(f.tokenPath(), List.of(new String[] {"grant_type", "password"}, new String[] {"client_id", "short-lived"},
                new String[] {"username", username}, new String[] {"password", AccessKeysApi.PASSWORD}));
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.json().get("expires_in").asInt() <= 1, reply.toString());
        return reply.text("access_token");
    }

    /** Calls the endpoint of a table row; a row on a key gets a fresh key of the owner. */
    private Reply call(String endpoint, String token) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{r}", f.realm());
        String path = template;
        if (template.contains("{id}")) {
            path = template.replace("{id}", f.createKey(ownerId, "matrix key " + (created++), Map.of()).id());
        }
        switch (method) {
            case "GET":
            case "DELETE":
                return f.http().call(method, path, token, null, null);
            case "PATCH":
                return f.http().json(method, path, token, Map.of("description", "changed by the matrix"));
            case "PUT":
                return f.http().json(method, path, token, Map.of("maxKeysPerUser", 10_000));
            default:
                if (path.endsWith("/users")) {
                    return f.http().json(method, path, token, Map.of("username", "matrix-user-" + (created++), "enabled", true));
                }
                if (path.contains("/clients-registrations/")) {
                    return f.http().json(method, path, token, Map.of("clientId", "matrix-client-" + (created++)));
                }
                if (path.endsWith("/account/")) {
                    // the caller's own profile as the account API gives it, with another first name
                    Reply current = f.http().call("GET", path, token, null, null);
                    Map<String, Object> profile = new LinkedHashMap<>();
                    if (current.status() == 200) {
                        current.json().fields().forEachRemaining(e -> profile.put(e.getKey(), e.getValue()));
                    }
                    profile.put("firstName", "Matrix " + (created++));
                    return f.http().json(method, path, token, profile);
                }
                if (path.endsWith("/revoke") || path.endsWith("/rotate")) {
                    return f.http().call(method, path, token, null, null);
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", "created by the matrix " + (created++));
                if (path.startsWith("/admin/")) {
                    body.put("userId", ownerId);
                }
                return f.http().json(method, path, token, body);
        }
    }
}
