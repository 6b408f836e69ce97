package io.meshproof.target.istio.render;

import io.meshproof.scenario.RateLimit;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.meshproof.target.kube.ManifestYaml.map;
import static io.meshproof.target.kube.ManifestYaml.metadata;

/**
 * Local rate limits. Istio has no API of its own for them: its documented way is an EnvoyFilter
 * that inserts Envoy's {@code local_ratelimit} HTTP filter into the inbound listener of the
 * service's sidecars, with a token bucket of {@code requestsPerSecond} tokens refilled every
 * second, per pod. Requests over it get 429 ({@code local_rate_limited}, flag {@code RL}).
 */
final class IstioRateLimits {

    static final String ENVOY_FILTER_API = "networking.istio.io/v1alpha3";

    private final KubeNames names;

    IstioRateLimits(KubeNames names) {
        this.names = names;
    }

    List<KubeManifest> render(List<RateLimit> limits) {
        List<KubeManifest> manifests = new ArrayList<>();
        for (RateLimit limit : limits) {
            manifests.add(KubeManifest.of(ApplyOrder.RATE_LIMITS, envoyFilter(limit)));
        }
        return manifests;
    }

    private Map<String, Object> envoyFilter(RateLimit limit) {
        int rps = limit.requestsPerSecond();
        Map<String, Object> always = map("numerator", 100, "denominator", "HUNDRED");
        Map<String, Object> filter = map(
                "name", "envoy.filters.http.local_ratelimit",
                "typed_config", map(
                        "@type", "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit",
                        "stat_prefix", "http_local_rate_limiter",
                        "token_bucket", map("max_tokens", rps, "tokens_per_fill", rps, "fill_interval", "1s"),
                        "filter_enabled", map("runtime_key", "local_rate_limit_enabled", "default_value", always),
                        "filter_enforced", map("runtime_key", "local_rate_limit_enforced", "default_value", always),
                        "response_headers_to_add", List.of(map(
                                "append_action", "OVERWRITE_IF_EXISTS_OR_ADD",
                                "header", map("key", "x-local-rate-limit", "value", "true")))));
        Map<String, Object> patch = map(
                "applyTo", "HTTP_FILTER",
                "match", map("context", "SIDECAR_INBOUND",
                        "listener", map("filterChain", map("filter", map(
                                "name", "envoy.filters.network.http_connection_manager",
                                "subFilter", map("name", "envoy.filters.http.router"))))),
                "patch", map("operation", "INSERT_BEFORE", "value", filter));
        return map("apiVersion", ENVOY_FILTER_API, "kind", "EnvoyFilter",
                "metadata", metadata(limit.service() + "-local-ratelimit", names.bookinfoNamespace()),
                "spec", map("workloadSelector", map("labels", map("app", limit.service())),
                        "configPatches", List.of(patch)));
    }
}
