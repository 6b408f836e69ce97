package io.meshproof.target.kube.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Helm release the harness installs: name, namespace, chart and the values passed to it (as a
 * values file, so multi-line PEM strings and nested keys need no {@code --set} escaping).
 */
public record HelmRelease(String name, String namespace, HelmChart chart, Map<String, Object> values) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    public HelmRelease {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The values as a Helm values file. */
    public String valuesYaml() {
        try {
            return values.isEmpty() ? "{}\n" : YAML.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This release with extra values merged over its own (nested maps merge, other values replace). */
    public HelmRelease withOverrides(Map<String, Object> overrides) {
        return new HelmRelease(name, namespace, chart, merge(values, overrides));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map && value instanceof Map) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) value));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @Override
    public String toString() {
        return name + " (" + chart + ") in " + namespace;
    }
}
