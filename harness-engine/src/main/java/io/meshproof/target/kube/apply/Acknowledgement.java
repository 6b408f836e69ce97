package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.Optional;

/**
 * A mesh's own word that it has taken up an applied resource: a status condition its control plane
 * writes (Istio's {@code Reconciled}, a Gateway API route's {@code Accepted}). Resources without such
 * a signal are not waited for here; the convergence gate's probes judge them.
 */
public interface Acknowledgement {

    /** Whether this signal exists for the resource. */
    boolean appliesTo(ResourceRef resource);

    /** Why the resource is not acknowledged yet ({@code Reconciled is False: 3/7 proxies}); empty once it is. */
    Optional<String> pending(GenericKubernetesResource current);

    /** The resource's generation, which a condition's {@code observedGeneration} must reach to count. */
    static long generation(GenericKubernetesResource resource) {
        Long generation = resource.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }

    /** Reads an {@code observedGeneration} written as a number or, by protobuf JSON, as a string; -1 when absent. */
    static long asGeneration(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
