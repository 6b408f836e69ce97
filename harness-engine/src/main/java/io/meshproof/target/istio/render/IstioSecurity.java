package io.meshproof.target.istio.render;

import io.meshproof.scenario.Authorization;
import io.meshproof.scenario.MeshState;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.WorkloadIdentity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.meshproof.target.kube.ManifestYaml.map;
import static io.meshproof.target.kube.ManifestYaml.metadata;

/**
 * Server-side security: a namespace-wide PeerAuthentication for the mTLS mode, and one
 * AuthorizationPolicy per authorization entry, selecting the service's pods by {@code app}.
 * Callers become principals ({@code cluster.local/ns/bookinfo/sa/bookinfo-productpage}), which only a
 * mutual-TLS caller has, so a plaintext caller never matches a {@code from}.
 */
final class IstioSecurity {

    static final String SECURITY = "security.istio.io/v1";

    private final KubeNames names;

    IstioSecurity(KubeNames names) {
        this.names = names;
    }

    List<KubeManifest> render(MeshState mesh) {
        List<KubeManifest> manifests = new ArrayList<>();
        if (mesh.mtls() != null) {
            // no selector: the whole bookinfo namespace; "default" is the name Istio's docs give the namespace-wide policy
            manifests.add(KubeManifest.of(ApplyOrder.SECURITY, map("apiVersion", SECURITY, "kind", "PeerAuthentication",
                    "metadata", metadata("default", names.bookinfoNamespace()),
                    "spec", map("mtls", map("mode", mesh.mtls().name())))));
        }
        Set<String> taken = new HashSet<>();
        for (Authorization authorization : mesh.authorization()) {
            String base = authorization.service() + "-" + authorization.action().name().toLowerCase(Locale.ROOT);
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "-" + i;
            }
            manifests.add(KubeManifest.of(ApplyOrder.SECURITY, policy(name, authorization)));
        }
        return manifests;
    }

    private Map<String, Object> policy(String name, Authorization authorization) {
        List<Object> rules = new ArrayList<>();
        for (Authorization.Rule rule : authorization.rules()) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            if (!rule.from().isEmpty()) {
                List<String> principals = rule.from().stream()
                        .map(workload -> WorkloadIdentity.of(workload, names).istioPrincipal()).toList();
                rendered.put("from", List.of(map("source", map("principals", principals))));
            }
            if (!rule.methods().isEmpty() || !rule.paths().isEmpty()) {
                rendered.put("to", List.of(map("operation", map(
                        "methods", rule.methods().isEmpty() ? null : rule.methods(),
                        "paths", rule.paths().isEmpty() ? null : rule.paths()))));
            }
            rules.add(rendered); // an empty rule matches every request
        }
        Map<String, Object> spec = map(
                "selector", map("matchLabels", map("app", authorization.service())),
                "action", authorization.action().name(),
                // no rules at all: ALLOW then allows nothing, DENY denies nothing, as Istio reads an empty list
                "rules", rules.isEmpty() ? null : rules);
        return map("apiVersion", SECURITY, "kind", "AuthorizationPolicy",
                "metadata", metadata(name, names.bookinfoNamespace()), "spec", spec);
    }
}
