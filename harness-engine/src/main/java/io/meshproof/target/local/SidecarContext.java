package io.meshproof.target.local;

import io.meshproof.scenario.MeshState;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a sidecar's configuration is rendered from: the sidecar, the endpoints it can reach (the
 * mesh's service registry), the mesh state, the mutants in force and where runtime files live.
 */
record SidecarContext(SidecarSpec sidecar, List<Endpoint> endpoints, MeshState mesh, Set<Mutant> mutants, Path runtimeDir) {

    SidecarContext {
        endpoints = List.copyOf(endpoints);
        mutants = Set.copyOf(mutants);
    }

    boolean mutant(Mutant mutant) {
        return mutants.contains(mutant);
    }

    /** The endpoints of a service (of one version, or all when {@code version} is null), in a stable order. */
    List<Endpoint> endpointsOf(String service, String version) {
        return endpoints.stream()
                .filter(e -> e.service().equals(service) && (version == null || e.version().equals(version)))
                .sorted(Comparator.comparing(Endpoint::instance))
                .toList();
    }
}
