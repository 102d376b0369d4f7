package dev.accesskeys.security;

import dev.accesskeys.support.TestUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;


/** Users, tokens, keys and HTTP calls of one realm, for the security suite. */
final class SecurityFixture {

    static final String PASSWORD = "Secret-pass-1";
    static final String GRANT = "urn:access-keys:grant-type:access-key";
    /** Where the suite writes its figures and tables. */
    static final Path REPORTS = Path.of("target", "security-reports");

    /** A key as issued: its ID and secret. */
    record Key(String id, String secret) {
    }

    final Http http;
    final Keycloak admin;
    final String realm;
    private final Map<String, String> userIds = new HashMap<>();

    SecurityFixture(String base, Keycloak admin, String realm) {
        this.http = new Http(base);
        this.admin = admin;
        this.realm = realm;
    }

    RealmResource realmAdmin() {
        return admin.realm(realm);
    }

    String self() {
        return "/realms/" + realm + "/access-keys";
    }

    String adminPath() {
        return "/admin/realms/" + realm + "/access-keys";
    }

    String tokenPath() {
        return "/realms/" + realm + "/protocol/openid-connect/token";
    }

    String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** Creates the user once (with a password and the given realm-management roles); returns its id. */
    synchronized String user(String username, String... realmManagementRoles) {
        String known = userIds.get(username);
        if (known != null) {
            return known;
        }
        String id = TestUsers.create(realmAdmin(), username, PASSWORD);
        TestUsers.grantRealmManagementRoles(realmAdmin(), id, realmManagementRoles);
        userIds.put(username, id);
        return id;
    }

    void addRealmRole(String userId, String role) {
        realmAdmin().users().get(userId).roles().realmLevel().add(List.of(realmAdmin().roles().get(role).toRepresentation()));
    }

    /** A user access token (password grant on {@code admin-cli}). */
    String token(String username) {
        return http.passwordToken(realm, username, PASSWORD);
    }

    void policy(Map<String, ?> policy) {
        Reply reply = http.json("PUT", adminPath() + "/policy", adminToken(), policy);
        assertEquals(200, reply.status(), reply.toString());
    }

    /** Sets realm attributes (e.g. the throttle's) through the admin API. */
    void realmAttributes(Map<String, String> attributes) {
        RealmRepresentation rep = realmAdmin().toRepresentation();
        Map<String, String> all = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        all.putAll(attributes);
        rep.setAttributes(all);
        realmAdmin().update(rep);
    }

    /** Creates a key for the user through the admin API. */
    Key createKey(String userId, String name, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("userId", userId);
        body.put("name", name);
        Reply reply = http.json("POST", adminPath(), adminToken(), body);
        if (reply.status() != 201) {
            throw new AssertionError("create key: " + reply);
        }
        return new Key(reply.text("id"), reply.text("secret"));
    }

    Reply exchange(String clientId, String clientSecret, String keyId, String keySecret) {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"grant_type", GRANT});
        form.add(new String[] {"client_id", clientId});
        if (clientSecret != null) {
            form.add(new String[] {"client_secret", clientSecret});
        }
        form.add(new String[] {"key_id", keyId});
        form.add(new String[] {"key_secret", keySecret});
        return form(tokenPath(), form);
    }

    Reply exchange(Key key) {
        return exchange("machine", "machine-secret", key.id(), key.secret());
    }

    Reply exchange(String keyId, String secret) {
        return exchange("machine", "machine-secret", keyId, secret);
    }

    /** A form POST with the parameters in order (a name may repeat). */
    Reply form(String path, List<String[]> fields) {
        return http.call("POST", path, null, "application/x-www-form-urlencoded", encode(fields));
    }

    static String encode(List<String[]> fields) {
        return fields.stream()
                .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A JWT that looks like one of this realm's (issuer, subject, expiry) but is signed by nobody. */
    String forgedToken(boolean withIssuer) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        String payload = "{" + (withIssuer ? "\"iss\":\"" + http.base() + "/realms/" + realm + "\"," : "")
                + "\"sub\":\"forged\",\"typ\":\"Bearer\",\"azp\":\"admin-cli\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
        return header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("not a signature".getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the answer is a 4xx with the JSON error shape {@code {"error", "error_description"}}. */
    static boolean isJsonError(Reply reply) {
        return reply.status() >= 400 && reply.status() < 500 && reply.json() != null && reply.json().isObject()
                && reply.json().path("error").isTextual() && reply.json().path("error_description").isTextual();
    }

    // ---- the server log --------------------------------------------------------------------------------------------

    static long logSize() throws java.io.IOException {
        return Files.size(AccessKeysServerConfig.SERVER_LOG);
    }

    /** What the server wrote to its log since {@code offset}. */
    static String logSince(long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(AccessKeysServerConfig.SERVER_LOG);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(.*\\)\\s*$");

    /** The stack traces in a stretch of the log: each as the line before its frames plus all its frames. */
    static List<String> stackTraces(String log) {
        List<String> traces = new ArrayList<>();
        Matcher frame = STACK_FRAME.matcher(log);
        int blockStart = -1;
        int blockEnd = -1;
        while (frame.find()) {
            if (blockStart >= 0 && frame.start() <= blockEnd + 1) {
                blockEnd = frame.end();
                continue;
            }
            if (blockStart >= 0) {
                traces.add(log.substring(blockStart, blockEnd));
            }
            blockStart = Math.max(0, log.lastIndexOf('\n', Math.max(0, frame.start() - 2)));
            blockEnd = frame.end();
        }
        if (blockStart >= 0) {
            traces.add(log.substring(blockStart, blockEnd));
        }
        return traces;
    }

    static void writeReport(String name, String content) {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(name), content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
