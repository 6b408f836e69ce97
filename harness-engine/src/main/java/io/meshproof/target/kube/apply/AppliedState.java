package io.meshproof.target.kube.apply;

import java.util.List;

/** What one apply did, in order: enough to revert it exactly. */
public record AppliedState(String scenarioId, List<AppliedResource> resources, List<RestartRequest> restarts) {

    public AppliedState {
        resources = List.copyOf(resources);
        restarts = List.copyOf(restarts);
    }

    public List<ResourceRef> refs() {
        return resources.stream().map(AppliedResource::ref).toList();
    }
}
