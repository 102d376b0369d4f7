package dev.accesskeys.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one HTTP client of the tests, for the REST APIs and Keycloak's endpoints: JSON or forms in, {@link Reply} out. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An answer: status, body, parsed JSON (null when the body is not JSON) and the headers. */
    public record Reply(int status, String body, JsonNode json, HttpHeaders headers) {

        public String text(String field) {
            JsonNode value = json == null ? null : json.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String location() {
            return header("Location");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;

    public Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String base() {
        return base;
    }

    /** A request with a bearer token (or none). */
    public Reply call(String method, String path, String token, String contentType, String body) {
        return send(method, path, token == null ? null : "Bearer " + token, contentType, body);
    }

    public Reply json(String method, String path, String token, Object body) {
        try {
            return call(method, path, token, "application/json", body == null ? null : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return call("GET", path, token, null, null);
    }

    public Reply form(String path, Map<String, String> fields) {
        return form(path, pairs(fields));
    }

    /** A form POST with the fields in order (a name may repeat). */
    public Reply form(String path, List<String[]> fields) {
        return call("POST", path, null, "application/x-www-form-urlencoded", encode(fields));
    }

    /** A form POST authenticated as a confidential client (HTTP Basic). */
    public Reply formAsClient(String path, String clientId, String clientSecret, Map<String, String> fields) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "Basic " + basic, "application/x-www-form-urlencoded", encode(pairs(fields)));
    }

    /** An access token of the user, by the password grant on the realm's {@code admin-cli} client. */
    public String passwordToken(String realm, String username, String password) {
        Reply reply = form("/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("token for " + username + ": " + reply);
        }
        return reply.text("access_token");
    }

    public static String encode(List<String[]> fields) {
        return fields.stream()
                .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static List<String[]> pairs(Map<String, String> fields) {
        List<String[]> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(new String[] {name, value}));
        return pairs;
    }

    private Reply send(String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                // JSON answers (Keycloak's account API serves its console page to a GET without it)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!response.body().isEmpty()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Reply(response.statusCode(), response.body(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
