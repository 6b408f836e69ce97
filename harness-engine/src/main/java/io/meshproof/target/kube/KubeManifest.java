package io.meshproof.target.kube;

import io.meshproof.target.RenderedState.RenderedFile;

import java.util.Locale;
import java.util.Map;

/**
 * One Kubernetes object a renderer produced, with its place in the apply order. A {@code patch}
 * changes an object that stock bookinfo owns (annotations on a Service or the Namespace): apply it
 * as a merge (server-side apply), and on clean-up take the fields back out, never delete the object.
 */
public record KubeManifest(ApplyOrder order, boolean patch, Map<String, Object> document) {

    public KubeManifest {
        document = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(document)); // field order is the YAML's order
        if (!(document.get("metadata") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a manifest needs metadata: " + document);
        }
    }

    public static KubeManifest of(ApplyOrder order, Map<String, Object> document) {
        return new KubeManifest(order, false, document);
    }

    public static KubeManifest patchOf(ApplyOrder order, Map<String, Object> document) {
        return new KubeManifest(order, true, document);
    }

    public String apiVersion() {
        return (String) document.get("apiVersion");
    }

    public String kind() {
        return (String) document.get("kind");
    }

    public String name() {
        return (String) ((Map<?, ?>) document.get("metadata")).get("name");
    }

    /**
     * {@code 30-virtualservice-reviews.yaml}, or {@code 15-patch-service-ratings.yaml} for a patch:
     * the number is the apply order, so applying the files in name order works.
     */
    public String fileName() {
        return String.format(Locale.ROOT, "%02d-%s%s-%s.yaml", order.rank(), patch ? RenderedFiles.PATCH_MARK : "",
                kind().toLowerCase(Locale.ROOT), name());
    }

    public RenderedFile toFile() {
        return new RenderedFile(fileName(), ManifestYaml.write(document));
    }
}
