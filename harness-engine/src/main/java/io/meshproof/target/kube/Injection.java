package io.meshproof.target.kube;

import java.util.Map;

/**
 * How a mesh puts its proxy into pods: the marker on a namespace that meshes every pod in it, the
 * markers on one pod that mesh it (or keep it out), and the proxy container's name, by which the
 * harness checks that a pod really is meshed.
 */
public record Injection(
        Map<String, String> namespaceLabels,
        Map<String, String> namespaceAnnotations,
        Map<String, String> meshedPodLabels,
        Map<String, String> meshedPodAnnotations,
        Map<String, String> unmeshedPodLabels,
        Map<String, String> unmeshedPodAnnotations,
        String proxyContainer) {

    public Injection {
        namespaceLabels = Map.copyOf(namespaceLabels);
        namespaceAnnotations = Map.copyOf(namespaceAnnotations);
        meshedPodLabels = Map.copyOf(meshedPodLabels);
        meshedPodAnnotations = Map.copyOf(meshedPodAnnotations);
        unmeshedPodLabels = Map.copyOf(unmeshedPodLabels);
        unmeshedPodAnnotations = Map.copyOf(unmeshedPodAnnotations);
    }
}
