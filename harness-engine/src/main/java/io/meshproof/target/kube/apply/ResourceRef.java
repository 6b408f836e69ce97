package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Names one Kubernetes object: {@code VirtualService bookinfo/reviews}. */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {

    public static ResourceRef of(HasMetadata object) {
        return new ResourceRef(object.getApiVersion(), object.getKind(), object.getMetadata().getNamespace(),
                object.getMetadata().getName());
    }

    /** The API group ({@code networking.istio.io}), empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
