package io.meshproof.target.istio;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.meshproof.target.kube.apply.Acknowledgement;
import io.meshproof.target.kube.apply.ResourceRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * istiod's acknowledgement of a VirtualService: the condition {@code Reconciled} turns {@code True}
 * once the configuration reached every proxy it concerns, for the generation in
 * {@code status.observedGeneration}. istiod writes it only with {@code PILOT_ENABLE_STATUS=true} and
 * {@code PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING=true} (Istio docs, "Configuration Status Field"),
 * which {@link IstioInstaller} sets; on a mesh installed without them there is no such signal.
 */
public final class IstioReconciled implements Acknowledgement {

    private static final Set<String> KINDS = Set.of("VirtualService");

    @Override
    public boolean appliesTo(ResourceRef resource) {
        return resource.group().equals("networking.istio.io") && KINDS.contains(resource.kind());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> pending(GenericKubernetesResource current) {
        Map<String, Object> status = (Map<String, Object>) current.getAdditionalProperties().get("status");
        if (status == null) {
            return Optional.of("istiod has written no status yet");
        }
        long generation = Acknowledgement.generation(current);
        long observed = Acknowledgement.asGeneration(status.get("observedGeneration"));
        if (observed >= 0 && observed < generation) {
            return Optional.of("status is for generation " + observed + ", not yet " + generation);
        }
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.getOrDefault("conditions", List.of());
        Optional<Map<String, Object>> reconciled = conditions.stream().filter(c -> "Reconciled".equals(c.get("type"))).findFirst();
        if (reconciled.isEmpty()) {
            return Optional.of("no Reconciled condition yet");
        }
        if (!"True".equals(reconciled.get().get("status"))) {
            return Optional.of("Reconciled is " + reconciled.get().get("status") + " (" + reconciled.get().get("message") + ")");
        }
        return Optional.empty();
    }
}
