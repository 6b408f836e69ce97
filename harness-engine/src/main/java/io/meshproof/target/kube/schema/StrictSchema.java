package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Turns a CRD's structural {@code openAPIV3Schema} into a JSON Schema (draft 4, which OpenAPI 3.0's
 * schema dialect follows) that rejects what the API server would silently drop. The API server
 * prunes fields a structural schema does not declare, so a misspelt field is lost without an error;
 * here it is an error:
 * <ul>
 * <li>an object without {@code x-kubernetes-preserve-unknown-fields} and without
 * {@code additionalProperties} gets {@code additionalProperties: false};</li>
 * <li>{@code x-kubernetes-int-or-string} becomes "integer or string";</li>
 * <li>{@code nullable: true} adds {@code null} to the type;</li>
 * <li>the root also accepts {@code apiVersion}, {@code kind}, {@code metadata} and {@code status},
 * which every object has; {@code metadata} is checked apart ({@link MetadataRules});</li>
 * <li>other {@code x-kubernetes-*} extensions are dropped; CEL rules ({@code x-kubernetes-validations})
 * are not evaluated: the API server's {@code --dry-run=server} is the check for those.</li>
 * </ul>
 */
public final class StrictSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrictSchema() {
    }

    public static ObjectNode convert(JsonNode openApiV3Schema) {
        ObjectNode root = convertNode(openApiV3Schema).deepCopy();
        ObjectNode properties = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
        for (String field : new String[] {"apiVersion", "kind"}) {
            if (!properties.has(field)) {
                properties.putObject(field).put("type", "string");
            }
        }
        properties.putObject("metadata").put("type", "object"); // checked by MetadataRules
        if (!properties.has("status")) {
            properties.putObject("status").put("type", "object");
        }
        root.put("type", "object");
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode convertNode(JsonNode node) {
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties", "patternProperties", "definitions" -> {
                    ObjectNode converted = out.putObject(key);
                    value.fields().forEachRemaining(p -> converted.set(p.getKey(), convertNode(p.getValue())));
                }
                case "items", "additionalProperties", "not" -> out.set(key, value.isObject() ? convertNode(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode converted = out.putArray(key);
                    value.forEach(v -> converted.add(convertNode(v)));
                }
                case "nullable", "description", "example", "externalDocs" -> {
                    // nullable is folded into type below; the rest is documentation
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.set(key, value);
                    }
                }
            }
        }
        boolean preserveUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean isObject = "object".equals(node.path("type").asText()) || node.has("properties");
        if (isObject && !preserveUnknown && !node.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            if (!out.has("anyOf") && !out.has("oneOf")) {
                ArrayNode anyOf = out.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        if (node.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = NODES.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        return out;
    }
}
