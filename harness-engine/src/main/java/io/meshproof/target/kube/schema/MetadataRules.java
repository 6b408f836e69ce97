package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks the API server makes on {@code metadata} that a CRD schema leaves out: names, namespace, labels, annotations. */
public final class MetadataRules {

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Set<String> FIELDS = Set.of("name", "namespace", "labels", "annotations");
    /** Kinds whose names must be DNS-1035 labels; Namespaces are DNS-1123 labels; the rest DNS-1123 subdomains. */
    private static final Set<String> DNS1035_KINDS = Set.of("Service");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding");

    private MetadataRules() {
    }

    public static List<String> check(String kind, JsonNode metadata) {
        List<String> problems = new ArrayList<>();
        if (metadata == null || !metadata.isObject()) {
            problems.add("metadata is missing or not an object");
            return problems;
        }
        metadata.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                problems.add("metadata." + field + " is not a field a rendered manifest should set (known: " + FIELDS + ")");
            }
        });
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            problems.add("metadata.name is missing");
        } else if (DNS1035_KINDS.contains(kind)) {
            label(problems, "metadata.name", name, DNS1035_LABEL, "a DNS-1035 label (lower case letters, digits, '-', starting with a letter, at most 63)");
        } else if (kind.equals("Namespace")) {
            label(problems, "metadata.name", name, DNS1123_LABEL, "a DNS-1123 label (lower case letters, digits, '-', at most 63)");
        } else if (name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            problems.add("metadata.name '" + name + "' is not a DNS-1123 subdomain (lower case letters, digits, '-', '.', at most 253)");
        }
        JsonNode namespace = metadata.get("namespace");
        if (CLUSTER_SCOPED.contains(kind)) {
            if (namespace != null) {
                problems.add("metadata.namespace is set on the cluster-scoped kind " + kind);
            }
        } else if (namespace == null || namespace.asText().isEmpty()) {
            problems.add("metadata.namespace is missing: rendered manifests name their namespace");
        } else {
            label(problems, "metadata.namespace", namespace.asText(), DNS1123_LABEL, "a DNS-1123 label");
        }
        JsonNode labels = metadata.get("labels");
        if (labels != null) {
            labels.fields().forEachRemaining(e -> {
                key(problems, "label", e.getKey());
                if (!e.getValue().isTextual()) {
                    problems.add("label " + e.getKey() + " has a value that is not a string: " + e.getValue());
                } else if (e.getValue().asText().length() > 63 || !LABEL_VALUE.matcher(e.getValue().asText()).matches()) {
                    problems.add("label " + e.getKey() + " has an invalid value '" + e.getValue().asText() + "'");
                }
            });
        }
        JsonNode annotations = metadata.get("annotations");
        if (annotations != null) {
            annotations.fields().forEachRemaining(e -> {
                key(problems, "annotation", e.getKey());
                if (!e.getValue().isTextual()) {
                    problems.add("annotation " + e.getKey() + " has a value that is not a string: " + e.getValue() + " (quote it)");
                }
            });
        }
        return problems;
    }

    private static void label(List<String> problems, String field, String value, Pattern pattern, String what) {
        if (value.length() > 63 || !pattern.matcher(value).matches()) {
            problems.add(field + " '" + value + "' is not " + what);
        }
    }

    private static void key(List<String> problems, String what, String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (prefix != null && (prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches())) {
            problems.add(what + " key '" + key + "' has a prefix that is not a DNS-1123 subdomain");
        }
        if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME.matcher(name).matches()) {
            problems.add(what + " key '" + key + "' is not a qualified name");
        }
    }
}
