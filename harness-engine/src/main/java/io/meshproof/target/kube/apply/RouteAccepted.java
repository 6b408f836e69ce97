package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Gateway API route ({@code HTTPRoute}, {@code GRPCRoute}) is acknowledged when, for each of its
 * {@code spec.parentRefs}, the mesh's controller wrote a {@code status.parents[]} entry whose
 * {@code Accepted} condition is {@code True} for the route's current generation. Istio's controller
 * name is {@code istio.io/gateway-controller}, Linkerd's {@code linkerd.io/policy-controller}.
 */
public final class RouteAccepted implements Acknowledgement {

    private static final Set<String> GROUPS = Set.of("gateway.networking.k8s.io", "policy.linkerd.io");
    private static final Set<String> KINDS = Set.of("HTTPRoute", "GRPCRoute");

    private final String controllerName;

    public RouteAccepted(String controllerName) {
        this.controllerName = controllerName;
    }

    @Override
    public boolean appliesTo(ResourceRef resource) {
        return GROUPS.contains(resource.group()) && KINDS.contains(resource.kind());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> pending(GenericKubernetesResource current) {
        Map<String, Object> spec = (Map<String, Object>) current.getAdditionalProperties().get("spec");
        List<Map<String, Object>> parentRefs = spec == null ? List.of()
                : (List<Map<String, Object>>) spec.getOrDefault("parentRefs", List.of());
        Map<String, Object> status = (Map<String, Object>) current.getAdditionalProperties().get("status");
        List<Map<String, Object>> parents = status == null ? List.of()
                : (List<Map<String, Object>>) status.getOrDefault("parents", List.of());
        long generation = Acknowledgement.generation(current);
        List<String> waiting = new ArrayList<>();
        for (Map<String, Object> ref : parentRefs) {
            Optional<Map<String, Object>> entry = parents.stream()
                    .filter(p -> controllerName.equals(p.get("controllerName")))
                    .filter(p -> sameParent(ref, (Map<String, Object>) p.get("parentRef")))
                    .findFirst();
            if (entry.isEmpty()) {
                waiting.add("no status from " + controllerName + " for parent " + ref.get("name"));
                continue;
            }
            List<Map<String, Object>> conditions = (List<Map<String, Object>>) entry.get().getOrDefault("conditions", List.of());
            Optional<Map<String, Object>> accepted = conditions.stream().filter(c -> "Accepted".equals(c.get("type"))).findFirst();
            if (accepted.isEmpty()) {
                waiting.add("parent " + ref.get("name") + " has no Accepted condition yet");
            } else if (!"True".equals(accepted.get().get("status"))) {
                waiting.add("parent " + ref.get("name") + " Accepted=" + accepted.get().get("status")
                        + " (" + accepted.get().get("reason") + ": " + accepted.get().get("message") + ")");
            } else {
                long observed = Acknowledgement.asGeneration(accepted.get().get("observedGeneration"));
                if (observed >= 0 && observed < generation) {
                    waiting.add("parent " + ref.get("name") + " Accepted for generation " + observed + ", not yet " + generation);
                }
            }
        }
        if (parentRefs.isEmpty()) {
            return Optional.empty();
        }
        return waiting.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", waiting));
    }

    /** Same parent: name, kind (default Gateway) and port when both give one. */
    static boolean sameParent(Map<String, Object> spec, Map<String, Object> status) {
        if (status == null || !Objects.equals(spec.get("name"), status.get("name"))) {
            return false;
        }
        String specKind = (String) spec.getOrDefault("kind", "Gateway");
        String statusKind = (String) status.getOrDefault("kind", "Gateway");
        if (!specKind.equals(statusKind)) {
            return false;
        }
        Object specPort = spec.get("port");
        Object statusPort = status.get("port");
        return specPort == null || statusPort == null || String.valueOf(specPort).equals(String.valueOf(statusPort));
    }
}
