package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Map;

/** Core kinds are built with fabric8's typed model; this turns them into plain documents like the CRD kinds. */
final class FabricModel {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private FabricModel() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toDocument(HasMetadata object) {
        return SERIALIZATION.convertValue(object, Map.class);
    }
}
