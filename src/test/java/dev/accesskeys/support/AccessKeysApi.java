package dev.accesskeys.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.Http.Reply;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The tests' side of one realm: its users, keys made through the extension's admin REST, the key grant and Keycloak's
 * token, userinfo and introspection endpoints. The clients named here ({@code machine}, {@code resource-api}) are
 * declared by the realm configs ({@link GrantClients}).
 */
public final class AccessKeysApi {

    /** Every test user's password. */
    public static final String PASSWORD = "Secret-pass-1";
    /** The confidential client that allows the grant (every realm config with grant clients declares it). */
    public static final String MACHINE = "machine";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A key as issued: its ID and secret. */
    public record Key(String id, String secret) {
    }

    private final Http http;
    private final Keycloak admin;
    private final String realm;

    public AccessKeysApi(String base, Keycloak admin, String realm) {
        this.http = new Http(base);
        this.admin = admin;
        this.realm = realm;
    }

    public Http http() {
        return http;
    }

    public String realm() {
        return realm;
    }

    public RealmResource realmAdmin() {
        return admin.realm(realm);
    }

    /** The self-service API of this realm. */
    public String self() {
        return "/realms/" + realm + "/" + AccessKeys.REST_PROVIDER_ID;
    }

    /** The admin API of this realm. */
    public String adminPath() {
        return "/admin/realms/" + realm + "/" + AccessKeys.REST_PROVIDER_ID;
    }

    public String tokenPath() {
        return "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** The master realm admin's token (renewed by the admin client when it runs out). */
    public String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    // ---- users ------------------------------------------------------------------------------------------------------

    /**
     * The user of that name: created (through the admin API, password {@link #PASSWORD}, with the given roles of the
     * realm's {@code realm-management} client) unless the realm already has it; returns its id.
     */
    public String user(String username, String... realmManagementRoles) {
        return user(username, List.of(), List.of(realmManagementRoles));
    }

    /** Like {@link #user(String, String...)}, with realm roles instead. */
    public String userWithRealmRoles(String username, String... realmRoles) {
        return user(username, List.of(realmRoles), List.of());
    }

    /** The user of that name, created with these realm and {@code realm-management} roles unless the realm has it. */
    public synchronized String user(String username, List<String> realmRoles, List<String> realmManagementRoles) {
        String known = existing(username);
        if (known != null) {
            return known;
        }
        String id = TestUsers.create(realmAdmin(), username, PASSWORD);
        TestUsers.grantRealmRoles(realmAdmin(), id, realmRoles.toArray(String[]::new));
        TestUsers.grantRealmManagementRoles(realmAdmin(), id, realmManagementRoles.toArray(String[]::new));
        return id;
    }

    private String existing(String username) {
        List<UserRepresentation> found = realmAdmin().users().search(username, true);
        return found.isEmpty() ? null : found.get(0).getId();
    }

    /** A user access token (password grant on {@code admin-cli}). */
    public String token(String username) {
        return http.passwordToken(realm, username, PASSWORD);
    }

    // ---- realm settings and keys through the admin REST ------------------------------------------------------------

    /** A call of the extension's admin API: {@code path} is relative to {@link #adminPath()}. */
    public Reply admin(String method, String path, Object body) {
        return http.json(method, adminPath() + path, adminToken(), body);
    }

    public void policy(Map<String, ?> policy) {
        Reply reply = admin("PUT", "/policy", policy);
        assertEquals(200, reply.status(), reply.toString());
    }

    /** Sets realm attributes (e.g. the throttle's) through the admin API. */
    public void realmAttributes(Map<String, String> attributes) {
        RealmRepresentation rep = realmAdmin().toRepresentation();
        Map<String, String> all = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        all.putAll(attributes);
        rep.setAttributes(all);
        realmAdmin().update(rep);
    }

    /** Creates a key for the user through the admin API. */
    public Key createKey(String userId, String name, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("userId", userId);
        body.put("name", name);
        Reply reply = admin("POST", "", body);
        if (reply.status() != 201) {
            throw new AssertionError("create key: " + reply);
        }
        return new Key(reply.text("id"), reply.text("secret"));
    }

    // ---- the grant and Keycloak's endpoints ---------------------------------------------------------------------------

    /** The key grant at the token endpoint; null parameters are left out. */
    public Reply exchange(String clientId, String clientSecret, String keyId, String keySecret, String scope) {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"grant_type", AccessKeys.GRANT_TYPE});
        form.add(new String[] {"client_id", clientId});
        if (clientSecret != null) {
            form.add(new String[] {"client_secret", clientSecret});
        }
        if (keyId != null) {
            form.add(new String[] {"key_id", keyId});
        }
        if (keySecret != null) {
            form.add(new String[] {"key_secret", keySecret});
        }
        if (scope != null) {
            form.add(new String[] {"scope", scope});
        }
        return http.form(tokenPath(), form);
    }

    public Reply exchange(String clientId, String clientSecret, String keyId, String keySecret) {
        return exchange(clientId, clientSecret, keyId, keySecret, null);
    }

    /** The grant at {@link #MACHINE}. */
    public Reply exchange(String keyId, String keySecret, String scope) {
        return exchange(MACHINE, secretOf(MACHINE), keyId, keySecret, scope);
    }

    public Reply exchange(String keyId, String keySecret) {
        return exchange(keyId, keySecret, null);
    }

    public Reply exchange(Key key) {
        return exchange(key.id(), key.secret(), null);
    }

    public Reply exchange(Key key, String scope) {
        return exchange(key.id(), key.secret(), scope);
    }

    /** The key exchanged at {@link #MACHINE}: the access token. */
    public String tokenOf(Key key, String scope) {
        Reply reply = exchange(key, scope);
        assertEquals(200, reply.status(), reply.body());
        return reply.text("access_token");
    }

    /** The key exchanged at a confidential client of the realm config: the access token. */
    public String tokenAt(String clientId, Key key) {
        Reply reply = exchange(clientId, secretOf(clientId), key.id(), key.secret(), null);
        assertEquals(200, reply.status(), reply.body());
        return reply.text("access_token");
    }

    /** The secret the realm configs give a confidential client. */
    public static String secretOf(String clientId) {
        return clientId + "-secret";
    }

    /** A password-grant login (or an app-password login: key ID and secret as username and password). */
    public Reply passwordLogin(String clientId, String username, String password, String scope) {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"grant_type", "password"});
        form.add(new String[] {"client_id", clientId});
        form.add(new String[] {"client_secret", secretOf(clientId)});
        form.add(new String[] {"username", username});
        form.add(new String[] {"password", password});
        if (scope != null) {
            form.add(new String[] {"scope", scope});
        }
        return http.form(tokenPath(), form);
    }

    public Reply refresh(String clientId, String refreshToken) {
        return http.form(tokenPath(), List.of(new String[] {"grant_type", "refresh_token"}, new String[] {"client_id", clientId},
                new String[] {"client_secret", secretOf(clientId)}, new String[] {"refresh_token", refreshToken}));
    }

    /** Keycloak's introspection endpoint, asked by {@code resource-api} (in the audience of {@link #MACHINE}'s tokens). */
    public Reply introspect(String token) {
        return http.formAsClient(tokenPath() + "/introspect", "resource-api", secretOf("resource-api"), Map.of("token", token));
    }

    public Reply userinfo(String token) {
        return http.get("/realms/" + realm + "/protocol/openid-connect/userinfo", token);
    }

    /** A JWT that looks like one of this realm's (issuer, subject, expiry) but is signed by nobody. */
    public String forgedToken(boolean withIssuer) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        String payload = "{" + (withIssuer ? "\"iss\":\"" + http.base() + "/realms/" + realm + "\"," : "")
                + "\"sub\":\"forged\",\"typ\":\"Bearer\",\"azp\":\"admin-cli\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
        return header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("not a signature".getBytes(StandardCharsets.UTF_8));
    }

    // ---- answers --------------------------------------------------------------------------------------------------------

    /** The payload of a JWT, without verification. */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the answer is a 4xx with the JSON error shape {@code {"error", "error_description"}}. */
    public static boolean isJsonError(Reply reply) {
        return reply.status() >= 400 && reply.status() < 500 && reply.json() != null && reply.json().isObject()
                && reply.json().path("error").isTextual() && reply.json().path("error_description").isTextual();
    }

    /** Key fields (limits) from name/value pairs, in order. */
    public static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
