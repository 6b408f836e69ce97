package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.meshproof.target.kube.ManifestYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The schemas of the served versions of every CRD in a CRD directory laid out as {@code shared/crds}:
 * {@code istio/*.yaml} (multi-document), {@code linkerd/*.yaml}, {@code gateway-api/<channel>/*.yaml}.
 * Each is turned strict ({@link StrictSchema}) and compiled on first use.
 */
public final class CrdSchemas {

    /** Gateway API release channel: standard is what Linkerd and a default Istio accept. */
    public enum GatewayChannel { standard, experimental }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();

    /** openAPIV3Schema by "group/version Kind". */
    private final Map<String, JsonNode> schemas;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private CrdSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    public static CrdSchemas load(Path crdsDir) {
        return load(crdsDir, GatewayChannel.standard);
    }

    public static CrdSchemas load(Path crdsDir, GatewayChannel channel) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        files.addAll(yamlFiles(crdsDir.resolve("istio")));
        files.addAll(yamlFiles(crdsDir.resolve("linkerd")));
        files.addAll(yamlFiles(crdsDir.resolve("gateway-api").resolve(channel.name())));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CRD files under " + crdsDir + " (expected istio/, linkerd/, gateway-api/" + channel + "/)");
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read CRD file " + file, e);
            }
            for (ObjectNode doc : ManifestYaml.readAll(text)) {
                if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
                    continue;
                }
                JsonNode spec = doc.path("spec");
                String group = spec.path("group").asText();
                String kind = spec.path("names").path("kind").asText();
                for (JsonNode version : spec.path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema");
                    if (version.path("served").asBoolean(false) && schema.isObject()) {
                        schemas.put(key(group + "/" + version.path("name").asText(), kind), schema);
                    }
                }
            }
        }
        return new CrdSchemas(schemas);
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** Every served "apiVersion Kind" known. */
    public Set<String> kinds() {
        return schemas.keySet();
    }

    /** The strict schema of a served apiVersion and kind, if a CRD defines it. */
    public Optional<JsonSchema> schemaOf(String apiVersion, String kind) {
        String key = key(apiVersion, kind);
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(key, k -> FACTORY.getSchema(StrictSchema.convert(schema), CONFIG)));
    }
}
