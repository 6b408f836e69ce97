package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * One object a scenario applied.
 *
 * @param ref    which object
 * @param before the object as it was before, when it existed (then the scenario changed it and
 *               reverting restores it); null when the scenario created it (reverting deletes it)
 */
public record AppliedResource(ResourceRef ref, GenericKubernetesResource before) {

    public boolean created() {
        return before == null;
    }
}
