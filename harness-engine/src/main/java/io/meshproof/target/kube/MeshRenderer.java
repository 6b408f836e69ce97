package io.meshproof.target.kube;

import io.meshproof.scenario.Scenario;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.RenderedState;

import java.util.Set;

/**
 * Renders a scenario's mesh-neutral state into one mesh's Kubernetes resources (Istio or Linkerd).
 * Pure: no cluster is touched, so the same output feeds dry runs, schema checks and applies.
 */
public interface MeshRenderer {

    /** {@code istio} or {@code linkerd}. */
    String mesh();

    /** How this mesh supports what the scenario needs, with a note a reader sees in the report. */
    FeatureSupport support(Scenario scenario);

    /**
     * The resources, one YAML document per file, named so that applying them in name order works
     * ({@code 10-destinationrule-reviews.yaml}, {@code 20-virtualservice-reviews.yaml}).
     */
    RenderedState render(Scenario scenario, KubeNames names);

    /**
     * Namespaces whose pods must be restarted (rollout restart of their Deployments) after the
     * rendered state is applied, and again after it is removed, because the mesh reads part of it
     * only when a pod is created (Linkerd's {@code config.linkerd.io/default-inbound-policy}).
     * Empty for most states.
     */
    default Set<String> namespacesToRestart(Scenario scenario, KubeNames names) {
        return Set.of();
    }
}
