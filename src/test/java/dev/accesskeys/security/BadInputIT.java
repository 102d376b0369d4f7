package dev.accesskeys.security;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.ServerLogs;
import dev.accesskeys.support.TestUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A generated run of bad input over every endpoint of both REST APIs and the grant: malformed and truncated JSON,
 * wrong types, nulls, 1 MB strings, unicode and control characters, bad timestamps, unknown scopes/clients/roles,
 * SQL- and path-traversal-shaped IDs, wrong content types, missing and duplicated form parameters. Every answer must
 * be a 4xx with the JSON error shape, and the server must log no stack trace for any of it.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEGABYTE = "x".repeat(1 << 20);

    @InjectRealm(config = SecurityRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private AccessKeysApi f;
    private String aliceId;
    private String adminToken;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();
    /** Answers Keycloak gave before the request reached the extension: the same request to a stock endpoint gets the same. */
    private final List<String> upstream = new ArrayList<>();
    private int serverErrors;
    private int upstreamServerErrors;

    @Test
    void everyBadRequestIsA4xxWithTheJsonErrorShapeAndNoStackTrace() throws Exception {
        f = new AccessKeysApi(urls.getBase(), admin, realm.getName());
        f.policy(Map.of("maxKeysPerUser", 1000));
        aliceId = f.user("alice");
        TestUsers.grantRealmRoles(f.realmAdmin(), aliceId, "reader");
        String alice = f.token("alice");
        adminToken = f.adminToken();
        Key key = f.createKey(aliceId, "target", Map.of());
        long logStart = ServerLogs.logSize();

        String self = f.self();
        String adm = f.adminPath();
        Map<String, Object> validSelf = validKey();
        Map<String, Object> validAdmin = new LinkedHashMap<>(validKey());
        validAdmin.put("userId", aliceId);

        jsonEndpoint("POST " + self, "POST", self, alice, validSelf, true, false);
        jsonEndpoint("PATCH " + self + "/{id}", "PATCH", self + "/" + key.id(), alice, validSelf, false, false);
        jsonEndpoint("POST " + adm, "POST", adm, adminToken, validAdmin, true, true);
        jsonEndpoint("PATCH " + adm + "/{id}", "PATCH", adm + "/" + key.id(), adminToken, validSelf, false, false);
        policyEndpoint("PUT " + adm + "/policy", adm + "/policy", adminToken);
        listEndpoint("GET " + self, self, alice);
        listEndpoint("GET " + adm, adm, adminToken);
        for (String base : List.of(self, adm)) {
            String token = base.equals(self) ? alice : adminToken;
            for (String id : badIds()) {
                expect4xx("GET " + base + "/{id}", id, f.http().get(base + "/" + id, token));
                expect4xx("PATCH " + base + "/{id}", id, f.http().json("PATCH", base + "/" + id, token, Map.of("description", "x")));
                expect4xx("POST " + base + "/{id}/revoke", id, f.http().call("POST", base + "/" + id + "/revoke", token, null, null));
                expect4xx("POST " + base + "/{id}/rotate", id, f.http().call("POST", base + "/" + id + "/rotate", token, null, null));
                expect4xx("DELETE " + base + "/{id}", id, f.http().call("DELETE", base + "/" + id, token, null, null));
            }
        }
        badTokens(self, adm);
        // options and policy take no input; a query string or body they do not read changes nothing, so their bad
        // input is the caller (see PermissionMatrixIT); the grant follows
        grant(key);

        String log = ServerLogs.logSince(logStart);
        List<String> allTraces = ServerLogs.stackTraces(log);
        // stack traces of Keycloak's own form parsing (FormBodyHandler, before any resource or grant code runs) belong
        // to the upstream answers listed above, each logged once for the request and once for its control
        // a stack trace through the extension's code is a failure; the others are Keycloak's own, logged for the upstream
        // 5xx answers listed below (once for the request, once for its control)
        List<String> traces = allTraces.stream().filter(t -> t.contains("at dev.accesskeys.")).toList();
        long keycloakTraces = allTraces.size() - traces.size();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("| endpoint | bad requests |\n|---|---:|\n");
        counts.forEach((endpoint, n) -> report.append("| `").append(endpoint).append("` | ").append(n).append(" |\n"));
        report.append("| **total** | **").append(total).append("** |\n\n5xx answers from the extension: ").append(serverErrors)
                .append("; other answers not a 4xx JSON error: ").append(wrong.size())
                .append("; stack traces through the extension's code in the server log: ").append(traces.size())
                .append("\n\nAnswered by Keycloak before the request reached the extension (a stock endpoint answers the same): ")
                .append(upstream.size()).append(", of them 5xx: ").append(upstreamServerErrors).append(", Keycloak's own stack traces "
                        + "(requests and their controls): ").append(keycloakTraces).append('\n');
        upstream.forEach(u -> report.append("- ").append(u).append('\n'));
        System.out.println("BAD INPUT\n" + report);
        Reports.write("bad-input.md", report.toString());

        assertTrue(total >= 500, "at least 500 bad requests, ran " + total);
        assertEquals(0, serverErrors, "no 5xx from the extension: " + wrong);
        assertTrue(wrong.isEmpty(), wrong.size() + " answers were not a 4xx JSON error:\n" + String.join("\n", wrong));
        assertTrue(keycloakTraces <= 2L * upstreamServerErrors, "Keycloak's own stack traces: " + keycloakTraces
                + ", more than its 5xx answers account for (" + upstreamServerErrors + ")");
        assertTrue(traces.isEmpty(), "stack traces through the extension in the server log:\n"
                + traces.stream().map(t -> t.length() > 600 ? t.substring(0, 600) : t).collect(java.util.stream.Collectors.joining("\n")));
        // the target key is untouched by all of it
        Reply after = f.http().get(self + "/" + key.id(), alice);
        assertEquals(200, after.status(), after.toString());
        assertEquals("target", after.text("name"));
        assertEquals("active", after.text("status"));
        assertEquals(200, f.exchange(key).status(), "the key still works");
    }

    private static Map<String, Object> validKey() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "valid name");
        body.put("description", "a description");
        body.put("expiresAt", System.currentTimeMillis() + 86_400_000L);
        body.put("scopes", List.of("profile"));
        body.put("clients", List.of("cli"));
        body.put("roles", List.of("reader"));
        body.put("enabled", true);
        return body;
    }

    // ---- JSON endpoints ----------------------------------------------------------------------------------------

    private void jsonEndpoint(String endpoint, String method, String path, String token, Map<String, Object> valid,
                              boolean create, boolean adminCreate) throws Exception {
        String validJson = JSON.writeValueAsString(valid);
        // truncated JSON: every prefix of a valid body
        for (int end = 0; end < validJson.length(); end += 3) {
            raw(endpoint, "truncated at " + end, method, path, token, "application/json", validJson.substring(0, end));
        }
        for (String body : malformed()) {
            raw(endpoint, "malformed " + abbreviate(body), method, path, token, "application/json", body);
        }
        // wrong types, nulls, huge strings, control characters, bad timestamps, unknown references
        Map<String, List<Object>> badValues = new LinkedHashMap<>();
        badValues.put("name", list(42, true, List.of(), Map.of(), List.of("x"), 1.5, null, "", "   ", MEGABYTE, "x".repeat(101),
                "🔑".repeat(101), "\u0000", "nul\u0000byte", "bell\u0007", "esc\u001b[31mred", "new\nline", "tab\tname",
                "del\u007f", "nel\u0085", "\r\n"));
        badValues.put("description", list(42, false, List.of("d"), Map.of("a", 1), MEGABYTE, "d".repeat(1001),
                "nul\u0000", "esc\u001b[0m", "🔑".repeat(1001)));
        long now = System.currentTimeMillis();
        badValues.put("expiresAt", list("tomorrow", true, 1.5, 1.0e13, List.of(), Map.of(), "1900000000000", -1, 0, 1,
                Long.MIN_VALUE, Long.MAX_VALUE, new java.math.BigInteger("9223372036854775808"),
                new java.math.BigInteger("-9223372036854775809"), new java.math.BigInteger("1" + "0".repeat(400)),
                now - 1000, now - 86_400_000L, 253_402_300_800_000L, MEGABYTE));
        for (String field : List.of("scopes", "clients", "roles")) {
            badValues.put(field, list("profile", 42, true, Map.of(), List.of(42), java.util.Collections.singletonList(null),
                    List.of(List.of("x")), List.of(Map.of()), List.of(""), List.of("  "), List.of(MEGABYTE),
                    List.of("nope"), List.of("' OR '1'='1"), List.of("../../etc/passwd"), List.of("%00"), List.of("a\u0000b"),
                    List.of("ключ🔑"), List.of("x".repeat(256)), java.util.Collections.nCopies(101, "openid")));
        }
        badValues.get("roles").addAll(List.of(List.of("cli/nope"), List.of("nope/reader"), List.of("/"), List.of("reader/")));
        badValues.get("clients").add(List.of("realm-management/.."));
        badValues.put("enabled", list("true", 1, 0, null, List.of(), Map.of(), "yes"));
        if (adminCreate) {
            badValues.put("userId", list(null, 42, "", "no-such-user", "' OR '1'='1", "../../users", MEGABYTE, List.of("x"),
                    "ключ", "a\u0000b"));
        }
        for (Map.Entry<String, List<Object>> field : badValues.entrySet()) {
            for (Object value : field.getValue()) {
                if (!create && field.getKey().equals("name") && "".equals(value)) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field.getKey(), value);
                body.put("name", field.getKey().equals("name") ? value : "bad " + field.getKey() + " " + counts.getOrDefault(endpoint, 0));
                raw(endpoint, field.getKey() + "=" + abbreviate(String.valueOf(value)), method, path, token,
                        "application/json", JSON.writeValueAsString(body));
            }
        }
        // unknown and read-only fields, a 1 MB field name, look-alike unicode field names
        for (String field : List.of("colour", "id", "secret", "secretHash", "status", "createdAt", "lastUsedAt", "revokedAt",
                "lastUsedIp", "createdBy", MEGABYTE, "n\u0430me", "NAME", "name ", "__proto__", "constructor")) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            body.put("name", "unknown field " + counts.getOrDefault(endpoint, 0));
            body.put(field, "x");
            raw(endpoint, "field " + abbreviate(field), method, path, token, "application/json", JSON.writeValueAsString(body));
        }
        if (!adminCreate) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            body.put("userId", "someone-else");
            raw(endpoint, "userId on the self-service API", method, path, token, "application/json", JSON.writeValueAsString(body));
        }
        // wrong content types with a valid body
        for (String type : wrongContentTypes()) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            body.put("name", "content type " + counts.getOrDefault(endpoint, 0));
            raw(endpoint, "content type " + type, method, path, token, type, JSON.writeValueAsString(body));
        }
        for (String body : List.of("%", "%ZZ", "name=%E0%A4%A", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx")) {
            raw(endpoint, "form body " + abbreviate(body), method, path, token, "application/x-www-form-urlencoded", body);
            raw(endpoint, "multipart body " + abbreviate(body), method, path, token, "multipart/form-data; boundary=x", body);
        }
    }

    private void policyEndpoint(String endpoint, String path, String token) throws Exception {
        String valid = "{\"maxKeysPerUser\":1000,\"maxLifetimeDays\":30,\"requireExpiration\":false,\"defaultLifetimeDays\":7,"
                + "\"deleteRequiresInactive\":false,\"accessTokenLifespanSeconds\":300}";
        for (int end = 0; end < valid.length(); end += 3) {
            raw(endpoint, "truncated at " + end, "PUT", path, token, "application/json", valid.substring(0, end));
        }
        for (String body : malformed()) {
            raw(endpoint, "malformed " + abbreviate(body), "PUT", path, token, "application/json", body);
        }
        Map<String, List<Object>> badValues = new LinkedHashMap<>();
        List<Object> badInts = list("10", 1.5, true, List.of(), Map.of(), -1, Integer.MIN_VALUE, 2_147_483_648L, Long.MAX_VALUE,
                new java.math.BigInteger("1" + "0".repeat(400)), MEGABYTE);
        badValues.put("maxKeysPerUser", withAll(badInts, 10_001));
        badValues.put("maxLifetimeDays", withAll(badInts, 0));
        badValues.put("defaultLifetimeDays", withAll(badInts, 0, 31));
        badValues.put("accessTokenLifespanSeconds", withAll(badInts, 0));
        badValues.put("requireExpiration", list("true", 1, List.of(), Map.of(), "yes"));
        badValues.put("deleteRequiresInactive", list("false", 0, List.of(), Map.of(), "no"));
        for (Map.Entry<String, List<Object>> field : badValues.entrySet()) {
            for (Object value : field.getValue()) {
                Map<String, Object> body = JSON.readValue(valid, LinkedHashMap.class);
                body.put(field.getKey(), value);
                raw(endpoint, field.getKey() + "=" + abbreviate(String.valueOf(value)), "PUT", path, token, "application/json",
                        JSON.writeValueAsString(body));
            }
        }
        for (String field : List.of("maxKeysPerUse", "name", MEGABYTE, "max\u0000Keys", "ключ")) {
            Map<String, Object> body = JSON.readValue(valid, LinkedHashMap.class);
            body.put(field, 1);
            raw(endpoint, "field " + abbreviate(field), "PUT", path, token, "application/json", JSON.writeValueAsString(body));
        }
        for (String type : wrongContentTypes()) {
            raw(endpoint, "content type " + type, "PUT", path, token, type, valid);
        }
    }

    private void listEndpoint(String endpoint, String path, String token) {
        for (String query : List.of("status=sleeping", "status=%27%20OR%20%271%27%3D%271", "status=%00", "status=active%00",
                "status=%F0%9F%94%91", "first=-1", "first=abc", "first=1.5", "first=99999999999", "first=%00", "max=0",
                "max=-1", "max=1001", "max=1e3", "max=2147483648", "max=abc", "max=%20", "search=" + "s".repeat(256),
                "search=" + "%F0%9F%94%91".repeat(256))) {
            expect4xx(endpoint, query, f.http().get(path + "?" + query, token),
                    () -> f.http().get("/admin/realms/" + f.realm() + "/users?" + query, adminToken));
        }
    }

    /** Malformed and forged bearer tokens; the control is Keycloak's own user list with the same header. */
    private void badTokens(String self, String adm) {
        String usersPath = "/admin/realms/" + f.realm() + "/users";
        for (String token : List.of("not.a.token", "", "Bearer", "a.b", "...", f.forgedToken(true), f.forgedToken(false),
                "x".repeat(10_000), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")) {
            String what = "token " + abbreviate(token);
            expect4xx("GET " + self, what, f.http().get(self, token), () -> f.http().get(usersPath, token));
            expect4xx("POST " + self, what, f.http().json("POST", self, token, Map.of("name", "by a bad token")),
                    () -> f.http().get(usersPath, token));
            expect4xx("GET " + adm, what, f.http().get(adm, token), () -> f.http().get(usersPath, token));
            expect4xx("PUT " + adm + "/policy", what, f.http().json("PUT", adm + "/policy", token, Map.of()),
                    () -> f.http().get(usersPath, token));
        }
    }

    // ---- the grant ---------------------------------------------------------------------------------------------

    private void grant(Key key) {
        String endpoint = "POST " + f.tokenPath() + " (grant)";
        String path = f.tokenPath();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("grant_type", AccessKeys.GRANT_TYPE);
        valid.put("client_id", "machine");
        valid.put("client_secret", "machine-secret");
        valid.put("key_id", key.id());
        valid.put("key_secret", key.secret());
        valid.put("scope", "profile");
        // missing and duplicated parameters
        for (String name : valid.keySet()) {
            if (name.equals("scope")) {
                continue;
            }
            List<String[]> missing = new ArrayList<>();
            valid.forEach((k, v) -> {
                if (!k.equals(name)) {
                    missing.add(new String[] {k, v});
                }
            });
            grantForm(endpoint, "missing " + name, missing);
            List<String[]> emptied = pairs(valid, name, "");
            grantForm(endpoint, "empty " + name, emptied);
        }
        for (String name : valid.keySet()) {
            List<String[]> twice = pairs(valid, null, null);
            twice.add(new String[] {name, valid.get(name)});
            grantForm(endpoint, "duplicated " + name, twice);
            List<String[]> twiceDifferent = pairs(valid, null, null);
            twiceDifferent.add(new String[] {name, valid.get(name) + "x"});
            grantForm(endpoint, "duplicated, different " + name, twiceDifferent);
        }
        // bad values of each parameter
        Map<String, List<String>> badValues = new LinkedHashMap<>();
        badValues.put("key_id", List.of("ak_doesnotexist", "' OR '1'='1", "ak_x;DROP TABLE ACCESS_KEY;--", "../../admin", "%",
                "ak_%", "*", "ключ🔑", "ak_\u0000", "ak_\u001b[31m", " " + key.id(), key.id() + " ", key.id().toLowerCase(),
                MEGABYTE, "x".repeat(65), "ak_" + "A".repeat(1000)));
        badValues.put("key_secret", List.of("aks_wrong", key.secret() + "x", key.secret().substring(1), key.secret().toUpperCase(),
                "' OR '1'='1", "ключ🔑", "aks_\u0000", MEGABYTE, " " + key.secret()));
        badValues.put("scope", List.of("nope", "openid nope", "' OR '1'='1", "ключ", "a\u0000b", MEGABYTE));
        badValues.put("client_id", List.of("nope", "no-keys", "' OR '1'='1", "ключ", MEGABYTE, "machine\u0000"));
        badValues.put("client_secret", List.of("wrong", "' OR '1'='1", MEGABYTE, "ключ"));
        // (control characters around a grant type are trimmed by Keycloak, which then runs the grant)
        badValues.put("grant_type", List.of("urn:access-keys:grant-type:nope", "password", "' OR '1'='1", MEGABYTE,
                "urn:access-keys:grant-type:access-key-x"));
        for (Map.Entry<String, List<String>> bad : badValues.entrySet()) {
            for (String value : bad.getValue()) {
                List<String[]> form = pairs(valid, bad.getKey(), value);
                if (bad.getKey().equals("client_id") && value.equals("no-keys")) {
                    form = pairs(valid, "client_secret", "no-keys-secret");
                    form.removeIf(p -> p[0].equals("client_id"));
                    form.add(new String[] {"client_id", "no-keys"});
                }
                grantForm(endpoint, bad.getKey() + "=" + abbreviate(value), form);
            }
        }
        // a public client with a confidential client's parameters, and a public client with another key's ID
        expect4xx(endpoint, "public client, wrong secret", f.exchange("cli", null, key.id(), "aks_wrong"));
        // malformed and wrongly typed bodies
        String validForm = Http.encode(pairs(valid, null, null));
        for (String body : List.of("", "&&&", "=", "=&=", "%", "%%%", "key_id=%ZZ", "grant_type=%E0%A4%A",
                validForm.replace("key_id=", "key_id=%"), validForm + "&key_secret", validForm.substring(0, validForm.length() / 2))) {
            grantRaw(endpoint, "form " + abbreviate(body), "application/x-www-form-urlencoded", body);
        }
        for (String type : List.of("application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x")) {
            grantRaw(endpoint, "content type " + type, type,
                    type.equals("application/json") ? "{\"grant_type\":\"" + AccessKeys.GRANT_TYPE + "\",\"client_id\":\"machine\"}" : validForm);
        }
        grantRaw(endpoint, "no content type", null, validForm);
    }

    private static List<String[]> pairs(Map<String, String> valid, String replace, String value) {
        List<String[]> out = new ArrayList<>();
        valid.forEach((k, v) -> out.add(new String[] {k, k.equals(replace) ? value : v}));
        return out;
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    private static List<String> malformed() {
        return List.of("{", "}", "{}}", "{\"name\"}", "{'name':'x'}", "{name:\"x\"}", "{\"name\":\"x\",}", "{\"name\":\"x\"} trailing",
                "{\"name\":\"x\"}{}", "null", "true", "42", "\"str\"", "[]", "[{\"name\":\"x\"}]", "{\"name\":\"x\"\u0000}",
                "{\"name\":\"\\x\"}", "{\"name\":\"\\u12\"}", "{\"name\":\"x\"/*c*/}", "{\"name\":NaN}", "{\"name\":\"a\",\"name\":\"b\"}",
                "{\"name\":\"x\",\"expiresAt\":1e400}", "{\"name\":\"x\",\"expiresAt\":" + "9".repeat(2000) + "}",
                "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "\ufeff{\"name\":\"bom\"", "{\"name\":\"x\"", "\u0000", "{\"name\":\"unterminated}", "<name>x</name>", "name=x");
    }

    private static List<String> wrongContentTypes() {
        return List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/merge-patch+json", "application/json-patch+json", "text/json", "*/*", "application/octet-stream",
                "application/jsonx", "application/xjson");
    }

    private static List<String> badIds() {
        return List.of("%27%20OR%20%271%27%3D%271", "1%3BDROP%20TABLE%20ACCESS_KEY--", "ak_%25", "%25", "*", "..%2F..%2Fadmin",
                "%2E%2E%2F%2E%2E%2Fmaster", "..%5C..%5Cadmin", "ak_x%00", "ak_" + "A".repeat(1000), "%D0%BA%D0%BB%D1%8E%D1%87",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "ak_%E2%80%AE", "%20", "ak_%0A%0D",
                "ak_doesnotexist", "ak_%22%7D", "ak_UNION%20SELECT%201");
    }

    private static List<Object> list(Object... values) {
        List<Object> out = new ArrayList<>();
        java.util.Collections.addAll(out, values);
        return out;
    }

    private static List<Object> withAll(List<Object> base, Object... more) {
        List<Object> out = new ArrayList<>(base);
        java.util.Collections.addAll(out, more);
        return out;
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    /** A JSON endpoint's request; its control is the same request to Keycloak's own user update. */
    private void raw(String endpoint, String what, String method, String path, String token, String contentType, String body) {
        expect4xx(endpoint, what, f.http().call(method, path, token, contentType, body),
                () -> f.http().call("PUT", "/admin/realms/" + f.realm() + "/users/" + aliceId, adminToken, contentType, body));
    }

    /** A token-endpoint request; its control is the same body to Keycloak's own introspection endpoint. */
    private void grantRaw(String endpoint, String what, String contentType, String body) {
        expect4xx(endpoint, what, f.http().call("POST", f.tokenPath(), null, contentType, body),
                () -> f.http().call("POST", f.tokenPath() + "/introspect", null, contentType, body));
    }

    private void grantForm(String endpoint, String what, List<String[]> form) {
        grantRaw(endpoint, what, "application/x-www-form-urlencoded", Http.encode(form));
    }

    private void expect4xx(String endpoint, String what, Reply reply) {
        expect4xx(endpoint, what, reply, null);
    }

    private void expect4xx(String endpoint, String what, Reply reply, java.util.function.Supplier<Reply> control) {
        counts.merge(endpoint, 1, Integer::sum);
        if (AccessKeysApi.isJsonError(reply)) {
            return;
        }
        String line = endpoint + " [" + what + "] -> " + reply.status() + " " + abbreviate(reply.body());
        Reply stock = control == null ? null : control.get();
        if (stock != null && stock.status() == reply.status() && stock.body().equals(reply.body())) {
            upstream.add(line);
            if (reply.status() >= 500) {
                upstreamServerErrors++;
            }
            return;
        }
        if (reply.status() >= 500) {
            serverErrors++;
        }
        wrong.add(line);
    }

    private static String abbreviate(String text) {
        String printable = text == null ? "null" : text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…(" + printable.length() + ")" : printable;
    }
}
