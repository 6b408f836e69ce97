package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshproof.target.kube.ManifestYaml;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictSchemaTest {

    private static JsonNode convert(String yaml) {
        return StrictSchema.convert(ManifestYaml.readAll(yaml).get(0));
    }

    @Test
    void closesObjectsButKeepsPreservedAndMapObjectsOpen() {
        JsonNode schema = convert("""
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      closed: {type: object, properties: {a: {type: string}}}
                      preserved: {type: object, x-kubernetes-preserve-unknown-fields: true}
                      labels: {type: object, additionalProperties: {type: string}}
                """);
        JsonNode spec = schema.path("properties").path("spec");
        assertThat(spec.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(spec.path("properties").path("closed").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(spec.path("properties").path("preserved").has("additionalProperties")).isFalse();
        assertThat(spec.path("properties").path("labels").path("additionalProperties").path("type").asText()).isEqualTo("string");
        assertThat(schema.path("properties").has("metadata")).isTrue();
        assertThat(schema.path("properties").has("apiVersion")).isTrue();
    }

    @Test
    void readsIntOrStringAndNullable() {
        ObjectNode schema = StrictSchema.convert(ManifestYaml.readAll("""
                type: object
                properties:
                  port: {x-kubernetes-int-or-string: true}
                  maybe: {type: string, nullable: true}
                """).get(0));
        assertThat(schema.path("properties").path("port").path("anyOf").size()).isEqualTo(2);
        assertThat(schema.path("properties").path("maybe").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
    }
}
