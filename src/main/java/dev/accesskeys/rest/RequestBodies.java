package dev.accesskeys.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import dev.accesskeys.model.KeyPolicy;
import dev.accesskeys.service.AccessKeyException;
import dev.accesskeys.service.Change;
import dev.accesskeys.service.KeyChanges;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Reads JSON request bodies strictly: JSON content type, one object, no duplicate or unknown fields, each field of
 * its type. Every refusal names the field.
 */
public final class RequestBodies {

    /** The fields of a key a request may set. */
    public static final Set<String> KEY_FIELDS = Set.of("name", "description", "expiresAt", "scopes", "clients", "roles", "enabled",
            "allowedCidrs");
    /** Fields of a key that a response shows but no request sets. */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("id", "secret", "status", "createdAt", "lastUsedAt",
            "revokedAt", "lastUsedIp", "userId", "username", "createdBy", "previousSecretExpiresAt", "rotatedAt");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {
    }

    public static ObjectNode object(HttpHeaders headers, String body) {
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()) {
            throw Refusal.unsupportedMediaType("the request body must be application/json");
        }
        if (body == null || body.isBlank()) {
            throw AccessKeyException.invalidRequest("the request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw AccessKeyException.invalidRequest("the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw AccessKeyException.invalidRequest("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The key fields of a create or update request; {@code extra} names further fields the caller reads itself. */
    public static KeyChanges keyChanges(ObjectNode body, Set<String> extra) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (READ_ONLY_FIELDS.contains(name) && !extra.contains(name)) {
                throw AccessKeyException.invalid(name, "is read-only");
            }
            if (!KEY_FIELDS.contains(name) && !extra.contains(name)) {
                throw AccessKeyException.invalid(AccessKeyException.shown(name), "is not a field of an access key");
            }
        }
        return new KeyChanges(text(body, "name"), text(body, "description"), epochMillis(body, "expiresAt"),
                strings(body, "scopes"), strings(body, "clients"), strings(body, "roles"), bool(body, "enabled"),
                strings(body, "allowedCidrs"));
    }

    /** A realm policy: every field optional, an absent or null one takes its default. */
    public static KeyPolicy policy(ObjectNode body) {
        Set<String> fields = Set.of("maxKeysPerUser", "maxLifetimeDays", "requireExpiration", "defaultLifetimeDays",
                "deleteRequiresInactive", "accessTokenLifespanSeconds", "maxRotationOverlapSeconds",
                "expiryNotificationDays", "revokedRetentionDays", "leakedKeyAction");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw AccessKeyException.invalid(AccessKeyException.shown(name), "is not a field of the access-key policy");
            }
        }
        Integer maxKeys = value(integer(body, "maxKeysPerUser"));
        Boolean requireExpiration = value(bool(body, "requireExpiration"));
        Boolean deleteRequiresInactive = value(bool(body, "deleteRequiresInactive"));
        Integer overlap = value(integer(body, "maxRotationOverlapSeconds"));
        Integer retention = value(integer(body, "revokedRetentionDays"));
        String leaked = value(text(body, "leakedKeyAction"));
        return new KeyPolicy(maxKeys == null ? KeyPolicy.DEFAULT_MAX_KEYS_PER_USER : maxKeys,
                value(integer(body, "maxLifetimeDays")),
                Boolean.TRUE.equals(requireExpiration),
                value(integer(body, "defaultLifetimeDays")),
                Boolean.TRUE.equals(deleteRequiresInactive),
                value(integer(body, "accessTokenLifespanSeconds")),
                overlap == null ? KeyPolicy.DEFAULT_MAX_ROTATION_OVERLAP_SECONDS : overlap,
                notificationDays(body, "expiryNotificationDays"),
                retention == null ? KeyPolicy.DEFAULT_REVOKED_RETENTION_DAYS : retention,
                leaked == null ? KeyPolicy.LEAKED_REVOKE : leaked);
    }

    /** A list of whole numbers of days, largest first and without repeats; absent or null is the default. */
    private static List<Integer> notificationDays(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return KeyPolicy.DEFAULT_EXPIRY_NOTIFICATION_DAYS;
        }
        if (!node.isArray()) {
            throw AccessKeyException.invalid(field, "must be an array of whole numbers of days");
        }
        java.util.TreeSet<Integer> days = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (JsonNode item : node) {
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw AccessKeyException.invalid(field, "must be an array of whole numbers of days");
            }
            days.add(item.intValue());
        }
        return List.copyOf(days);
    }

    /** The optional body of a rotate: {@code overlapSeconds} and {@code expiresAt}; an empty body is no overlap. */
    public static RotateRequest rotate(HttpHeaders headers, String body) {
        if (body == null || body.isBlank()) {
            return new RotateRequest(null, null);
        }
        ObjectNode json = object(headers, body);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"overlapSeconds".equals(name) && !"expiresAt".equals(name)) {
                throw AccessKeyException.invalid(AccessKeyException.shown(name), "is not a field of a rotate request (overlapSeconds, expiresAt)");
            }
        }
        return new RotateRequest(value(integer(json, "overlapSeconds")), epochMillis(json, "expiresAt"));
    }

    /** What a rotate asks for: overlap in seconds (null = none) and a new expiry (null = keep the current one). */
    public record RotateRequest(Integer overlapSeconds, Change<Long> expiresAt) {
    }

    /** The secrets of a leaked-secret report: {@code {"secrets": ["aks_…", …]}}, at most {@code max}. */
    public static List<String> leakedSecrets(HttpHeaders headers, String body, int max) {
        ObjectNode json = object(headers, body);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"secrets".equals(name)) {
                throw AccessKeyException.invalid(AccessKeyException.shown(name), "is not a field of a leaked-secret report (secrets)");
            }
        }
        Change<List<String>> secrets = strings(json, "secrets");
        if (secrets == null || secrets.value() == null) {
            throw AccessKeyException.invalid("secrets", "is required: an array of secrets");
        }
        if (secrets.value().size() > max) {
            throw AccessKeyException.invalid("secrets", "must have at most " + max + " entries");
        }
        return secrets.value();
    }

    public static Change<String> text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!node.isTextual()) {
            throw AccessKeyException.invalid(field, "must be a string");
        }
        return Change.to(node.textValue());
    }

    private static Change<Long> epochMillis(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw AccessKeyException.invalid(field, "must be a whole number of epoch milliseconds");
        }
        return Change.to(node.longValue());
    }

    private static Change<Integer> integer(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw AccessKeyException.invalid(field, "must be a whole number");
        }
        return Change.to(node.intValue());
    }

    private static Change<Boolean> bool(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw AccessKeyException.invalid(field, "must be true or false");
        }
        return Change.to(node.booleanValue());
    }

    private static Change<List<String>> strings(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!node.isArray()) {
            throw AccessKeyException.invalid(field, "must be an array of strings, or null for no limit");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw AccessKeyException.invalid(field, "must be an array of strings, or null for no limit");
            }
            values.add(item.textValue());
        }
        return Change.to(values);
    }

    private static <T> T value(Change<T> change) {
        return change == null ? null : change.value();
    }
}
