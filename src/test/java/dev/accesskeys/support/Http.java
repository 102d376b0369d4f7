package dev.accesskeys.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the REST APIs and the token endpoint: JSON in, {@link Reply} out. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An answer: status, body, parsed JSON (null when the body is not JSON) and the Location header. */
    public record Reply(int status, String body, JsonNode json, String location) {

        public String text(String field) {
            JsonNode value = json == null ? null : json.get(field);
            return value == null || value.isNull() ? null : value.asText();
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

    public Reply call(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
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
            return new Reply(response.statusCode(), response.body(), json, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call("POST", path, null, "application/x-www-form-urlencoded", body);
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
}
