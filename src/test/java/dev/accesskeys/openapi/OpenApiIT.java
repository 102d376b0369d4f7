package dev.accesskeys.openapi;

import dev.accesskeys.AccessKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.TestUsers;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * docs/openapi.yaml against the running server: every answer the document lists (path, method, status) is provoked
 * and must be what the server answers, with a body valid against the document's schema for that status (JSON
 * Schema 2020-12, the dialect of OpenAPI 3.1) and the Location header where documented. A status the server gives
 * that the document does not list fails too.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class OpenApiIT {

    private static final String REALM = OpenApiRealmConfig.NAME;
    private static final String PASSWORD = "Secret-pass-1";
    private static final String SELF = "/realms/{realm}/access-keys";
    private static final String SELF_KEY = SELF + "/{id}";
    private static final String ADMIN = "/admin/realms/{realm}/access-keys";
    private static final String ADMIN_KEY = ADMIN + "/{id}";
    private static final String POLICY = ADMIN + "/policy";
    private static final String UNKNOWN = "ak_0000000000000000000000";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";

    @InjectRealm(config = OpenApiRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private OpenApiDocument doc;
    private Http http;
    private final Set<String> checked = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void everyDocumentedAnswerIsWhatTheServerAnswers() throws Exception {
        doc = new OpenApiDocument(Path.of("docs", "openapi.yaml"));
        assertEquals("3.1.0", doc.version());
        http = new Http(urls.getBase());
        String aliceId = TestUsers.create(realm.admin(), "alice", PASSWORD);
        String alice = http.passwordToken(REALM, "alice", PASSWORD);
        String adminToken = admin.tokenManager().getAccessTokenString();

        selfService(alice);
        adminApi(adminToken, alice, aliceId);

        Set<String> documented = new TreeSet<>(doc.answers());
        assertTrue(problems.isEmpty(), "answers that differ from docs/openapi.yaml:\n" + String.join("\n", problems));
        Set<String> notCalled = new TreeSet<>(documented);
        notCalled.removeAll(checked);
        assertTrue(notCalled.isEmpty(), "documented answers this test does not provoke: " + notCalled);
        assertEquals(documented, checked);
    }

    private void selfService(String alice) {
        expect(200, "PUT", POLICY, null, "", admin.tokenManager().getAccessTokenString(), JSON, "{}");
        Reply created = expect(201, "POST", SELF, null, "", alice, JSON, "{\"name\":\"openapi one\",\"scopes\":null}");
        String one = created.text("id");
        String keySecret = created.text("secret");
        expect(400, "POST", SELF, null, "", alice, JSON, "{\"name\":\"\"}");
        expect(401, "POST", SELF, null, "", null, JSON, "{\"name\":\"no token\"}");
        expect(409, "POST", SELF, null, "", alice, JSON, "{\"name\":\"openapi one\"}");
        expect(415, "POST", SELF, null, "", alice, TEXT, "name=openapi");

        String fromKey = http.form("/realms/" + REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", AccessKeys.GRANT_TYPE, "client_id", "cli", "key_id", one, "key_secret", keySecret))
                .text("access_token");
        expect(200, "GET", SELF, null, "?status=active&search=openapi&first=0&max=10", alice, null, null);
        expect(400, "GET", SELF, null, "?max=0", alice, null, null);
        expect(401, "GET", SELF, null, "", null, null, null);
        expect(403, "GET", SELF, null, "", fromKey, null, null);

        expect(200, "GET", SELF + "/count", null, "?status=active&search=openapi", alice, null, null);
        expect(400, "GET", SELF + "/count", null, "?status=gone", alice, null, null);
        expect(401, "GET", SELF + "/count", null, "", null, null, null);

        expect(200, "GET", SELF + "/options", null, "", alice, null, null);
        expect(401, "GET", SELF + "/options", null, "", null, null, null);

        expect(200, "GET", SELF_KEY, one, "", alice, null, null);
        expect(401, "GET", SELF_KEY, one, "", null, null, null);
        expect(404, "GET", SELF_KEY, UNKNOWN, "", alice, null, null);

        String two = expect(201, "POST", SELF, null, "", alice, JSON, "{\"name\":\"openapi two\"}").text("id");
        expect(200, "POST", SELF_KEY + "/revoke", two, "", alice, null, null);
        expect(401, "POST", SELF_KEY + "/revoke", two, "", null, null, null);
        expect(404, "POST", SELF_KEY + "/revoke", UNKNOWN, "", alice, null, null);

        expect(200, "PATCH", SELF_KEY, one, "", alice, JSON, "{\"description\":\"changed\"}");
        expect(400, "PATCH", SELF_KEY, one, "", alice, JSON, "{\"name\":\"\"}");
        expect(401, "PATCH", SELF_KEY, one, "", null, JSON, "{\"description\":\"x\"}");
        expect(404, "PATCH", SELF_KEY, UNKNOWN, "", alice, JSON, "{\"description\":\"x\"}");
        expect(409, "PATCH", SELF_KEY, two, "", alice, JSON, "{\"description\":\"x\"}");
        expect(415, "PATCH", SELF_KEY, one, "", alice, TEXT, "description=x");

        expect(200, "POST", SELF_KEY + "/rotate", one, "", alice, JSON, "{}");
        expect(401, "POST", SELF_KEY + "/rotate", one, "", null, null, null);
        expect(404, "POST", SELF_KEY + "/rotate", UNKNOWN, "", alice, null, null);
        expect(409, "POST", SELF_KEY + "/rotate", two, "", alice, null, null);

        expect(200, "PUT", POLICY, null, "", admin.tokenManager().getAccessTokenString(), JSON, "{\"deleteRequiresInactive\":true}");
        expect(409, "DELETE", SELF_KEY, one, "", alice, null, null);
        expect(200, "PUT", POLICY, null, "", admin.tokenManager().getAccessTokenString(), JSON, "{}");
        expect(401, "DELETE", SELF_KEY, one, "", null, null, null);
        expect(204, "DELETE", SELF_KEY, one, "", alice, null, null);
        expect(404, "DELETE", SELF_KEY, UNKNOWN, "", alice, null, null);

        // leaked-secret reports: no token; the same answer whether a secret matched or not, until the address's limit
        expect(400, "POST", SELF + "/leaked", null, "", null, JSON, "{\"secrets\":\"aks_not_a_list\"}");
        Reply report = expect(202, "POST", SELF + "/leaked", null, "", null, JSON, "{\"secrets\":[\"aks_openapi_unknown\"]}");
        for (int i = 0; i < 50 && report.status() == 202; i++) {
            report = http.call("POST", SELF.replace("{realm}", REALM) + "/leaked", null, JSON, "{\"secrets\":[\"aks_openapi_" + i + "\"]}");
        }
        expect(429, "POST", SELF + "/leaked", null, "", null, JSON, "{\"secrets\":[\"aks_openapi_unknown\"]}");
    }

    private void adminApi(String adminToken, String alice, String aliceId) {
        String forAlice = "{\"userId\":\"" + aliceId + "\",\"name\":\"admin one\"}";
        expect(400, "POST", ADMIN, null, "", adminToken, JSON, "{\"name\":\"no owner\"}");
        expect(401, "POST", ADMIN, null, "", null, JSON, forAlice);
        expect(403, "POST", ADMIN, null, "", alice, JSON, forAlice);
        expect(415, "POST", ADMIN, null, "", adminToken, TEXT, "name=x");
        String one = expect(201, "POST", ADMIN, null, "", adminToken, JSON, forAlice).text("id");
        expect(409, "POST", ADMIN, null, "", adminToken, JSON, forAlice);

        expect(200, "GET", ADMIN, null, "?userId=" + aliceId + "&status=active&search=admin&first=0&max=10", adminToken, null, null);
        expect(400, "GET", ADMIN, null, "?max=0", adminToken, null, null);
        expect(401, "GET", ADMIN, null, "", null, null, null);
        expect(403, "GET", ADMIN, null, "", alice, null, null);

        expect(200, "GET", ADMIN_KEY, one, "", adminToken, null, null);
        expect(401, "GET", ADMIN_KEY, one, "", null, null, null);
        expect(403, "GET", ADMIN_KEY, one, "", alice, null, null);
        expect(404, "GET", ADMIN_KEY, UNKNOWN, "", adminToken, null, null);

        String two = expect(201, "POST", ADMIN, null, "", adminToken, JSON,
                "{\"userId\":\"" + aliceId + "\",\"name\":\"admin two\"}").text("id");
        expect(200, "GET", ADMIN + "/count", null, "?userId=" + aliceId + "&status=active&search=admin", adminToken, null, null);
        expect(400, "GET", ADMIN + "/count", null, "?status=gone", adminToken, null, null);
        expect(401, "GET", ADMIN + "/count", null, "", null, null, null);
        expect(403, "GET", ADMIN + "/count", null, "", alice, null, null);

        String three = expect(201, "POST", ADMIN, null, "", adminToken, JSON,
                "{\"userId\":\"" + aliceId + "\",\"name\":\"admin three\"}").text("id");
        String bulk = "{\"ids\":[\"" + three + "\"]}";
        expect(400, "POST", ADMIN + "/revoke", null, "", adminToken, JSON, "{\"ids\":[],\"userId\":\"" + aliceId + "\"}");
        expect(401, "POST", ADMIN + "/revoke", null, "", null, JSON, bulk);
        expect(403, "POST", ADMIN + "/revoke", null, "", alice, JSON, bulk);
        expect(404, "POST", ADMIN + "/revoke", null, "", adminToken, JSON, "{\"ids\":[\"" + three + "\",\"" + UNKNOWN + "\"]}");
        Reply bulkRevoked = expect(200, "POST", ADMIN + "/revoke", null, "", adminToken, JSON, bulk);
        assertEquals(three, bulkRevoked.json().path("revoked").path(0).asText(), bulkRevoked.toString());

        expect(401, "POST", ADMIN_KEY + "/revoke", two, "", null, null, null);
        expect(403, "POST", ADMIN_KEY + "/revoke", two, "", alice, null, null);
        expect(404, "POST", ADMIN_KEY + "/revoke", UNKNOWN, "", adminToken, null, null);
        expect(200, "POST", ADMIN_KEY + "/revoke", two, "", adminToken, null, null);

        expect(200, "PATCH", ADMIN_KEY, one, "", adminToken, JSON, "{\"enabled\":false}");
        expect(400, "PATCH", ADMIN_KEY, one, "", adminToken, JSON, "{\"name\":\"\"}");
        expect(401, "PATCH", ADMIN_KEY, one, "", null, JSON, "{\"enabled\":true}");
        expect(403, "PATCH", ADMIN_KEY, one, "", alice, JSON, "{\"enabled\":true}");
        expect(404, "PATCH", ADMIN_KEY, UNKNOWN, "", adminToken, JSON, "{\"enabled\":true}");
        expect(409, "PATCH", ADMIN_KEY, two, "", adminToken, JSON, "{\"enabled\":true}");

        expect(200, "POST", ADMIN_KEY + "/rotate", one, "", adminToken, null, null);
        expect(401, "POST", ADMIN_KEY + "/rotate", one, "", null, null, null);
        expect(403, "POST", ADMIN_KEY + "/rotate", one, "", alice, null, null);
        expect(404, "POST", ADMIN_KEY + "/rotate", UNKNOWN, "", adminToken, null, null);
        expect(409, "POST", ADMIN_KEY + "/rotate", two, "", adminToken, null, null);

        expect(401, "DELETE", ADMIN_KEY, one, "", null, null, null);
        expect(403, "DELETE", ADMIN_KEY, one, "", alice, null, null);
        expect(204, "DELETE", ADMIN_KEY, one, "", adminToken, null, null);
        expect(404, "DELETE", ADMIN_KEY, one, "", adminToken, null, null);

        expect(200, "GET", POLICY, null, "", adminToken, null, null);
        expect(401, "GET", POLICY, null, "", null, null, null);
        expect(403, "GET", POLICY, null, "", alice, null, null);
        expect(400, "PUT", POLICY, null, "", adminToken, JSON, "{\"maxKeysPerUser\":-1}");
        expect(401, "PUT", POLICY, null, "", null, JSON, "{}");
        expect(403, "PUT", POLICY, null, "", alice, JSON, "{}");
        expect(415, "PUT", POLICY, null, "", adminToken, TEXT, "maxKeysPerUser=1");
    }

    /** One call: the status must be the expected one, documented, and the body valid against its schema. */
    private Reply expect(int status, String method, String template, String id, String query, String token,
                         String contentType, String body) {
        String path = template.replace("{realm}", REALM).replace("{id}", id == null ? "" : id) + query;
        Reply reply = http.call(method, path, token, contentType, body);
        String answer = OpenApiDocument.key(method, template, status);
        if (reply.status() != status) {
            problems.add(answer + ": the server answered " + reply.status() + " " + reply.body());
            return reply;
        }
        JsonNode response = doc.response(method, template, status);
        if (response == null) {
            problems.add(answer + ": the server gives it, docs/openapi.yaml does not list it");
            return reply;
        }
        checked.add(answer);
        JsonSchema schema = doc.bodySchema(response);
        if (schema == null) {
            if (!reply.body().isEmpty()) {
                problems.add(answer + ": documented without a body, the server sent " + reply.body());
            }
        } else if (reply.json() == null) {
            problems.add(answer + ": documented as JSON, the server sent " + reply.body());
        } else {
            Set<ValidationMessage> errors = schema.validate(reply.json());
            if (!errors.isEmpty()) {
                problems.add(answer + ": " + errors + " in " + reply.body());
            }
        }
        if (response.path("headers").has("Location") && reply.location() == null) {
            problems.add(answer + ": no Location header");
        }
        return reply;
    }
}
