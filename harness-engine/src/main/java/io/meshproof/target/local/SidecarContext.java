package io.meshproof.target.local;

import io.meshproof.scenario.MeshState;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a sidecar's configuration is rendered from: the sidecar, the endpoints it can reach (the
 * mesh's service registry), the mesh state, the mutants in force, where runtime files live and
 * where the sidecar's certificates are.
 */
record SidecarContext(SidecarSpec sidecar, List<Endpoint> endpoints, MeshState mesh, Set<Mutant> mutants, Path runtimeDir,
                      CertificateFiles certificates) {

    SidecarContext {
        endpoints = List.copyOf(endpoints);
        mutants = Set.copyOf(mutants);
    }

    /** Certificates in {@code runtimeDir/keys}: for rendering without a running CA (dry runs, tests). */
    SidecarContext(SidecarSpec sidecar, List<Endpoint> endpoints, MeshState mesh, Set<Mutant> mutants, Path runtimeDir) {
        this(sidecar, endpoints, mesh, mutants, runtimeDir, new CertificateFiles(runtimeDir.resolve("keys")));
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
