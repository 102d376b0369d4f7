package dev.accesskeys.openapi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** docs/openapi.yaml: its operations and statuses, and the JSON schema of each documented answer. */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode doc;

    OpenApiDocument(Path file) throws IOException {
        this.doc = new YAMLMapper().readTree(file.toFile());
    }

    String version() {
        return doc.path("openapi").asText();
    }

    /** Every documented answer as "METHOD /path STATUS", sorted. */
    Set<String> answers() {
        Set<String> all = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                op.getValue().path("responses").fieldNames()
                        .forEachRemaining(status -> all.add(key(op.getKey(), path.getKey(), status)));
            }
        }
        return all;
    }

    static String key(String method, String path, Object status) {
        return method.toUpperCase() + " " + path + " " + status;
    }

    /** The response object of an answer ($ref resolved), or null when the document has none. */
    JsonNode response(String method, String path, int status) {
        JsonNode response = doc.path("paths").path(path).path(method.toLowerCase()).path("responses").path(String.valueOf(status));
        return response.isMissingNode() ? null : resolve(response);
    }

    /** The JSON schema of an answer's application/json body, or null when it documents no body. */
    JsonSchema bodySchema(JsonNode response) {
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        // the answer's schema inside a document that also holds the components, so #/components/... refs resolve
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", doc.path("components"));
        root.putArray("allOf").add(schema);
        return SCHEMAS.getSchema(root);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
