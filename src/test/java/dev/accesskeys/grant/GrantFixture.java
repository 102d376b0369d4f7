package dev.accesskeys.grant;

import dev.accesskeys.support.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.util.JsonSerialization;

/** HTTP helpers and the realm content of the grant tests: users, clients, keys. */
public final class GrantFixture {

    public static final String GRANT = "urn:access-keys:grant-type:access-key";
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public record Reply(int status, JsonNode json, String body) {
        public String text(String field) {
            return json == null || json.get(field) == null || json.get(field).isNull() ? null : json.get(field).asText();
        }
    }

    public final String base;
    public final String realmName;
    public final Keycloak admin;
    public final RealmResource realm;
    public String aliceId;
    public String bobId;

    public GrantFixture(String base, String realmName, Keycloak admin) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.realmName = realmName;
        this.admin = admin;
        this.realm = admin.realm(realmName);
    }

    public String tokenUrl() {
        return base + "/realms/" + realmName + "/protocol/openid-connect/token";
    }

    public void setUp() {
        Reply policy = adminCall("PUT", "/policy", Map.of("maxKeysPerUser", 50));
        if (policy.status() != 200) {
            throw new AssertionError("policy: " + policy.status() + " " + policy.body());
        }
        aliceId = user("alice", "reader", "writer");
        bobId = user("bob", "reader");
        String machine = client("machine", true, true);
        // a resource server that introspects the tokens: Keycloak 26.7 requires it in the token's audience
        client("resource-api", true, false);
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("resource-api audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", "resource-api", "access.token.claim", "true",
                "introspection.token.claim", "true"));
        realm.clients().get(machine).getProtocolMappers().createMapper(audience).close();
        client("machine-off", true, false);
        client("other", true, true);
        client("public-machine", false, true);
        appPasswordClient();
    }

    public String user(String name, String... roles) {
        String id = TestUsers.create(realm, name, "password");
        TestUsers.grantRealmRoles(realm, id, roles);
        return id;
    }

    public ClientRepresentation clientRep(String clientId, boolean confidential, boolean grantEnabled) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setPublicClient(!confidential);
        if (confidential) {
            client.setSecret(clientId + "-secret");
        }
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(true);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("access.key.grant.enabled", Boolean.toString(grantEnabled));
        client.setAttributes(attributes);
        return client;
    }

    public String client(String clientId, boolean confidential, boolean grantEnabled) {
        try (Response response = realm.clients().create(clientRep(clientId, confidential, grantEnabled))) {
            String location = response.getLocation().toString();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** A confidential client whose direct grant runs only the access-key authenticator, with the limits mapper. */
    public void appPasswordClient() {
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias("access-key-direct-grant");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setDescription("app passwords");
        realm.flows().createFlow(flow).close();
        realm.flows().addExecution("access-key-direct-grant", Map.of("provider", "access-key-authenticator"));
        AuthenticationExecutionInfoRepresentation execution = realm.flows().getExecutions("access-key-direct-grant").get(0);
        execution.setRequirement("REQUIRED");
        realm.flows().updateExecutions("access-key-direct-grant", execution);
        String flowId = realm.flows().getFlows().stream().filter(f -> f.getAlias().equals("access-key-direct-grant"))
                .findFirst().orElseThrow().getId();

        ClientRepresentation client = clientRep("app-pw", true, true);
        client.setDirectAccessGrantsEnabled(true);
        client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId));
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("access key limits");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("access-key-limits-mapper");
        mapper.setConfig(Map.of("access.token.claim", "true", "introspection.token.claim", "true"));
        client.setProtocolMappers(List.of(mapper));
        realm.clients().create(client).close();
    }

    // ---- keys through the extension's admin REST ----

    /** @return {id, secret} */
    public String[] createKey(String userId, String name, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("userId", userId);
        body.put("name", name);
        Reply reply = adminCall("POST", "", body);
        if (reply.status() != 201) {
            throw new AssertionError("create key: " + reply.status() + " " + reply.body());
        }
        return new String[] {reply.text("id"), reply.text("secret")};
    }

    public Reply adminCall(String method, String path, Object body) {
        return call(method, base + "/admin/realms/" + realmName + "/access-keys" + path,
                admin.tokenManager().getAccessTokenString(), body);
    }

    // ---- HTTP ----

    public Reply exchange(String clientId, String clientSecret, String keyId, String keySecret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        if (keyId != null) {
            form.put("key_id", keyId);
        }
        if (keySecret != null) {
            form.put("key_secret", keySecret);
        }
        if (scope != null) {
            form.put("scope", scope);
        }
        return post(tokenUrl(), form, null);
    }

    public Reply exchange(String keyId, String keySecret, String scope) {
        return exchange("machine", "machine-secret", keyId, keySecret, scope);
    }

    public Reply post(String url, Map<String, String> form, String basicAuth) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    public Reply call(String method, String url, String bearer, Object body) {
        try {
            // JSON answers (Keycloak's account API serves its console page to a GET without it)
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return send(request.build());
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }

    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String body = response.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                json = JsonSerialization.readValue(body, JsonNode.class);
            }
            return new Reply(response.statusCode(), json, body);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    /** The payload of a JWT, without verification. */
    public static JsonNode claims(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            return JsonSerialization.readValue(Base64.getUrlDecoder().decode(parts[1]), JsonNode.class);
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }
}
