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
    public static final Set<String> KEY_FIELDS = Set.of("name", "description", "expiresAt", "scopes", "clients", "roles", "enabled");
    /** Fields of a key that a response shows but no request sets. */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("id", "secret", "status", "createdAt", "lastUsedAt",
            "revokedAt", "lastUsedIp", "userId", "username", "createdBy");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {
    }

    public static ObjectNode object(HttpHeaders headers, String body) {
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()) {
            throw AccessKeyException.unsupportedMediaType("the request body must be application/json");
        }
        if (body == null || body.isBlank()) {
            throw AccessKeyException.badRequest("the request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw AccessKeyException.badRequest("the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw AccessKeyException.badRequest("the request body must be a JSON object");
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
                strings(body, "scopes"), strings(body, "clients"), strings(body, "roles"), bool(body, "enabled"));
    }

    /** A realm policy: every field optional, an absent or null one takes its default. */
    public static KeyPolicy policy(ObjectNode body) {
        Set<String> fields = Set.of("maxKeysPerUser", "maxLifetimeDays", "requireExpiration", "defaultLifetimeDays",
                "deleteRequiresInactive", "accessTokenLifespanSeconds");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw AccessKeyException.invalid(AccessKeyException.shown(name), "is not a field of the access-key policy");
            }
        }
        Integer maxKeys = value(integer(body, "maxKeysPerUser"));
        Boolean requireExpiration = value(bool(body, "requireExpiration"));
        Boolean deleteRequiresInactive = value(bool(body, "deleteRequiresInactive"));
        return new KeyPolicy(maxKeys == null ? KeyPolicy.DEFAULT_MAX_KEYS_PER_USER : maxKeys,
                value(integer(body, "maxLifetimeDays")),
                Boolean.TRUE.equals(requireExpiration),
                value(integer(body, "defaultLifetimeDays")),
                Boolean.TRUE.equals(deleteRequiresInactive),
                value(integer(body, "accessTokenLifespanSeconds")));
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
