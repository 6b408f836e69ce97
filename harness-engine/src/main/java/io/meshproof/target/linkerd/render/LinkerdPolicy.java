package io.meshproof.target.linkerd.render;

import io.meshproof.scenario.Authorization;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.RateLimit;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.BookinfoObjects;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.WorkloadIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.meshproof.target.kube.ManifestYaml.map;
import static io.meshproof.target.kube.ManifestYaml.metadata;

/**
 * Server-side policy: mutual TLS, authorization and rate limits.
 * <ul>
 * <li>STRICT: the bookinfo namespace's {@code config.linkerd.io/default-inbound-policy} becomes
 * {@code all-authenticated} (a patch of the Namespace). Linkerd reads it when a pod is created, so the
 * pods must be restarted after applying and after removing it ({@link LinkerdRenderer#namespacesToRestart}).
 * PERMISSIVE is Linkerd's default ({@code all-unauthenticated}): nothing to render.</li>
 * <li>A service with an ALLOW authorization or a rate limit gets a {@code Server} on port 9080. Its
 * {@code accessPolicy} is what applies to traffic no policy authorizes: {@code deny} under an ALLOW
 * authorization; otherwise it must not change who may call, so {@code all-authenticated} under STRICT
 * and {@code all-unauthenticated} else (a Server defaults to deny).</li>
 * <li>Authorization: Linkerd is allow-list only, DENY renders nothing. See {@link LinkerdAuthorization}.</li>
 * <li>Rate limit: an {@code HTTPLocalRateLimitPolicy} on the Server, {@code total.requestsPerSecond} per pod.</li>
 * </ul>
 */
final class LinkerdPolicy {

    static final String POLICY_GROUP = "policy.linkerd.io";
    static final String SERVER_API = "policy.linkerd.io/v1beta3";
    static final String POLICY_API = "policy.linkerd.io/v1alpha1";
    static final String DEFAULT_INBOUND_POLICY = "config.linkerd.io/default-inbound-policy";

    private final KubeNames names;

    LinkerdPolicy(KubeNames names) {
        this.names = names;
    }

    static boolean restartsPods(MeshState mesh) {
        return mesh.mtls() == MeshState.MtlsMode.STRICT;
    }

    List<KubeManifest> render(MeshState mesh) {
        List<KubeManifest> manifests = new ArrayList<>();
        boolean strict = mesh.mtls() == MeshState.MtlsMode.STRICT;
        if (strict) {
            var metadata = map("name", names.bookinfoNamespace(), "annotations", map(DEFAULT_INBOUND_POLICY, "all-authenticated"));
            manifests.add(KubeManifest.patchOf(ApplyOrder.NAMESPACE, map("apiVersion", "v1", "kind", "Namespace", "metadata", metadata)));
        }
        Map<String, List<Authorization.Rule>> allowed = new TreeMap<>();
        for (Authorization authorization : mesh.authorization()) {
            if (authorization.action() == Authorization.Action.ALLOW) {
                allowed.computeIfAbsent(authorization.service(), s -> new ArrayList<>()).addAll(authorization.rules());
            }
        }
        TreeSet<String> served = new TreeSet<>(allowed.keySet());
        mesh.rateLimits().forEach(limit -> served.add(limit.service()));
        for (String service : served) {
            String accessPolicy = allowed.containsKey(service) ? "deny" : strict ? "all-authenticated" : "all-unauthenticated";
            manifests.add(KubeManifest.of(ApplyOrder.TARGETS, server(service, accessPolicy)));
        }
        LinkerdAuthorization authorization = new LinkerdAuthorization(names, strict);
        allowed.forEach((service, rules) -> manifests.addAll(authorization.render(service, serverName(service), rules)));
        for (RateLimit limit : mesh.rateLimits()) {
            manifests.add(KubeManifest.of(ApplyOrder.RATE_LIMITS, map("apiVersion", POLICY_API, "kind", "HTTPLocalRateLimitPolicy",
                    "metadata", metadata(limit.service() + "-ratelimit", names.bookinfoNamespace()),
                    "spec", map("targetRef", map("group", POLICY_GROUP, "kind", "Server", "name", serverName(limit.service())),
                            "total", map("requestsPerSecond", limit.requestsPerSecond())))));
        }
        return manifests;
    }

    static String serverName(String service) {
        return service + "-http";
    }

    private Map<String, Object> server(String service, String accessPolicy) {
        return map("apiVersion", SERVER_API, "kind", "Server",
                "metadata", metadata(serverName(service), names.bookinfoNamespace()),
                "spec", map("podSelector", map("matchLabels", BookinfoObjects.appLabels(service)),
                        "port", BookinfoObjects.PORT,
                        "accessPolicy", accessPolicy));
    }

    /** The MeshTLSAuthentication identities of workloads. */
    static List<String> identities(List<String> workloads, KubeNames names) {
        return workloads.stream().map(w -> WorkloadIdentity.of(w, names).linkerdIdentity()).toList();
    }
}
