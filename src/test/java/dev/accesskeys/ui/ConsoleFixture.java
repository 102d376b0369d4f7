package dev.accesskeys.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

/** What the browser tests set up through the REST APIs: alice's keys, the realm policy, an app-password client. */
final class ConsoleFixture {

    static final String REALM = AccountConsoleRealmConfig.REALM;
    static final String SELF = "/realms/" + REALM + "/access-keys";
    static final String APP_PASSWORD_CLIENT = "tool";
    private static final String FLOW = "access-key-app-passwords";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final Keycloak admin;
    private final RealmResource realm;

    ConsoleFixture(Http http, Keycloak admin, RealmResource realm) {
        this.http = http;
        this.admin = admin;
        this.realm = realm;
    }

    String aliceToken() {
        return http.passwordToken(REALM, AccountConsoleUserConfig.USERNAME, AccountConsoleUserConfig.PASSWORD);
    }

    /** Creates a key of alice's; {@code fields} beyond the name as the REST API takes them. */
    JsonNode createKey(String token, String name, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("name", name);
        Reply reply = http.json("POST", SELF, token, body);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    void revoke(String token, String id) {
        assertEquals(200, http.json("POST", SELF + "/" + id + "/revoke", token, null).status());
    }

    /** Deletes every key of alice's and puts the policy back to its defaults. */
    void reset() {
        String token = aliceToken();
        JsonNode keys;
        do {
            keys = http.get(SELF + "?max=1000", token).json();
            for (JsonNode key : keys) {
                assertEquals(204, http.call("DELETE", SELF + "/" + key.get("id").asText(), token, null, null).status());
            }
        } while (keys.size() > 0);
        policy(Map.of());
    }

    void policy(Map<String, Object> policy) {
        Reply reply = http.json("PUT", "/admin/realms/" + REALM + "/access-keys/policy", admin.tokenManager().getAccessTokenString(), policy);
        assertEquals(200, reply.status(), reply.toString());
    }

    /** A second public client that accepts keys, whose direct grant runs only the access-key authenticator. */
    void addAppPasswordClient() {
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(FLOW);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        realm.flows().createFlow(flow).close();
        realm.flows().addExecution(FLOW, Map.of("provider", "access-key-authenticator"));
        AuthenticationExecutionInfoRepresentation execution = realm.flows().getExecutions(FLOW).get(0);
        execution.setRequirement("REQUIRED");
        realm.flows().updateExecutions(FLOW, execution);
        String flowId = realm.flows().getFlows().stream().filter(f -> f.getAlias().equals(FLOW)).findFirst().orElseThrow().getId();

        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(APP_PASSWORD_CLIENT);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setAttributes(Map.of("access.key.grant.enabled", "true"));
        client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId));
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("access key limits");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("access-key-limits-mapper");
        mapper.setConfig(Map.of("access.token.claim", "true", "introspection.token.claim", "true"));
        client.setProtocolMappers(List.of(mapper));
        try (Response created = realm.clients().create(client)) {
            assertEquals(201, created.getStatus());
        }
    }

    void removeAppPasswordClient() {
        realm.clients().findByClientId(APP_PASSWORD_CLIENT).forEach(c -> realm.clients().get(c.getId()).remove());
        realm.flows().getFlows().stream().filter(f -> f.getAlias().equals(FLOW))
                .forEach(f -> realm.flows().deleteFlow(f.getId()));
    }

    /** The claims of a JWT (not verified: the test only reads what the server put in). */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }
}
