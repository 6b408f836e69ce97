package io.meshproof.target.linkerd.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshproof.scenario.Authorization;
import io.meshproof.target.RenderedState;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.KubeTestScenarios;
import io.meshproof.target.kube.ManifestYaml;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinkerdRenderingTest {

    private static final KubeNames NAMES = KubeNames.linkerdDefaults();

    private static JsonNode document(RenderedState state, String file) {
        return state.files().stream().filter(f -> f.name().equals(file)).findFirst()
                .map(f -> (JsonNode) ManifestYaml.readAll(f.content()).get(0))
                .orElseThrow(() -> new AssertionError("no file " + file + " in " + state.files()));
    }

    @Test
    void faultWeightsGiveEachOutcomeEnvoysShare() {
        // 50/50 split, delay 20%, abort 10%, drawn independently as Envoy's fault filter does
        RenderedState state = new LinkerdRenderer().render(KubeTestScenarios.fixture("fault-delay-and-abort-split"), NAMES);
        Map<String, Long> weights = new HashMap<>();
        long total = 0;
        for (JsonNode ref : document(state, "30-httproute-reviews.yaml").path("spec").path("rules").get(0).path("backendRefs")) {
            weights.put(ref.path("name").asText(), ref.path("weight").asLong());
            total += ref.path("weight").asLong();
        }
        double t = total;
        assertThat(weights.get("reviews-v1") / t).isCloseTo(0.5 * 0.8 * 0.9, within(1e-4));
        assertThat(weights.get("reviews-v2-delay-1500ms") / t).isCloseTo(0.5 * 0.2 * 0.9, within(1e-4));
        assertThat(weights.get("reviews-abort-503") / t).isCloseTo(0.8 * 0.1, within(1e-4));
        assertThat(weights.get("reviews-delay-1500ms-abort-503") / t).isCloseTo(0.2 * 0.1, within(1e-4));
        double slow = (weights.get("reviews-v1-delay-1500ms") + weights.get("reviews-v2-delay-1500ms") + weights.get("reviews-delay-1500ms-abort-503")) / t;
        double failed = (weights.get("reviews-abort-503") + weights.get("reviews-delay-1500ms-abort-503")) / t;
        assertThat(slow).isCloseTo(0.2, within(1e-4));
        assertThat(failed).isCloseTo(0.1, within(1e-4));
        // every stand-in the route names is deployed with a Service of that name
        for (String backend : weights.keySet()) {
            if (!backend.matches("reviews-v[12]")) {
                assertThat(document(state, "10-service-" + backend + ".yaml").path("spec").path("selector").path("app").asText()).isEqualTo(backend);
                assertThat(document(state, "10-configmap-" + backend + ".yaml").path("data").path("haproxy.cfg").asText()).contains("bind :9080");
            }
        }
    }

    @Test
    void aFullAbortForOneUserIsAWholeRouteToTheInjector() {
        RenderedState state = new LinkerdRenderer().render(KubeTestScenarios.fixture("fault-abort-ratings-jason"), NAMES);
        JsonNode rules = document(state, "30-httproute-ratings.yaml").path("spec").path("rules");
        assertThat(rules.get(0).path("matches").get(0).path("headers").get(0).path("value").asText()).isEqualTo("jason");
        assertThat(rules.get(0).path("backendRefs").toString()).contains("ratings-abort-500").doesNotContain("\"ratings-v1\"");
        assertThat(rules.get(1).path("backendRefs").get(0).path("name").asText()).isEqualTo("ratings-v1");
    }

    @Test
    void retriesAreAnnotationsAndSplitRoutesWhenRulesDiffer() {
        RenderedState same = new LinkerdRenderer().render(KubeTestScenarios.fixture("retries-faulty-ratings"), NAMES);
        JsonNode annotations = document(same, "30-httproute-ratings.yaml").path("metadata").path("annotations");
        assertThat(annotations.path("retry.linkerd.io/http").asText()).isEqualTo("5xx");
        assertThat(annotations.path("retry.linkerd.io/limit").asText()).isEqualTo("3");
        assertThat(annotations.path("retry.linkerd.io/timeout").asText()).isEqualTo("500ms");
        RenderedState differing = new LinkerdRenderer().render(KubeTestScenarios.fixture("retries-per-rule"), NAMES);
        assertThat(document(differing, "30-httproute-reviews-rule-0.yaml").path("metadata").path("annotations").path("retry.linkerd.io/http").asText())
                .isEqualTo("gateway-error");
        assertThat(document(differing, "30-httproute-reviews-rule-1.yaml").path("metadata").has("annotations")).isFalse();
    }

    @Test
    void serverAccessPolicyKeepsWhoMayCall() {
        RenderedState limited = new LinkerdRenderer().render(KubeTestScenarios.fixture("rate-limit-ratings-10"), NAMES);
        assertThat(document(limited, "20-server-ratings-http.yaml").path("spec").path("accessPolicy").asText()).isEqualTo("all-unauthenticated");
        JsonNode policy = document(limited, "50-httplocalratelimitpolicy-ratings-ratelimit.yaml").path("spec");
        assertThat(policy.path("targetRef").path("name").asText()).isEqualTo("ratings-http");
        assertThat(policy.path("total").path("requestsPerSecond").asInt()).isEqualTo(10);
        RenderedState allowed = new LinkerdRenderer().render(KubeTestScenarios.fixture("authz-allow-productpage-get-reviews"), NAMES);
        assertThat(document(allowed, "20-server-reviews-http.yaml").path("spec").path("accessPolicy").asText()).isEqualTo("deny");
    }

    @Test
    void aRouteIsCoveredByExactlyTheRulesThatMatchEveryRequestItTakes() {
        Authorization.Rule anyFromTester = new Authorization.Rule(List.of("tester"), List.of(), List.of());
        Authorization.Rule getReviews = new Authorization.Rule(List.of("productpage"), List.of("GET"), List.of("/reviews/*"));
        Authorization.Rule postAnything = new Authorization.Rule(List.of("reviews"), List.of("POST"), List.of());
        Authorization.Rule json = new Authorization.Rule(List.of("reviews"), List.of(), List.of("*.json"));
        assertThat(LinkerdAuthorization.covers(anyFromTester, null, null)).isTrue();
        assertThat(LinkerdAuthorization.covers(getReviews, "GET", "/reviews/*")).isTrue();
        assertThat(LinkerdAuthorization.covers(getReviews, "GET", "/reviews/0")).isTrue();
        assertThat(LinkerdAuthorization.covers(getReviews, "POST", "/reviews/*")).isFalse();
        assertThat(LinkerdAuthorization.covers(getReviews, "GET", null)).isFalse();
        assertThat(LinkerdAuthorization.covers(getReviews, null, "/reviews/*")).isFalse();
        assertThat(LinkerdAuthorization.covers(getReviews, "GET", "/ratings/*")).isFalse();
        assertThat(LinkerdAuthorization.covers(postAnything, "POST", "/reviews/*")).isTrue();
        assertThat(LinkerdAuthorization.covers(postAnything, null, "/reviews/*")).isFalse();
        assertThat(LinkerdAuthorization.covers(json, "GET", "/a/b.json")).isTrue();
        assertThat(LinkerdAuthorization.covers(json, "GET", "/reviews/*")).isFalse();
        assertThat(LinkerdAuthorization.pathMatch("/reviews/*")).isEqualTo(Map.of("type", "PathPrefix", "value", "/reviews/"));
        assertThat(LinkerdAuthorization.pathMatch("/health")).isEqualTo(Map.of("type", "Exact", "value", "/health"));
    }

    @Test
    void retryConditionsMapByStatusOnly() {
        assertThat(LinkerdRetryConditions.linkerdConditions(List.of())).isEqualTo("5xx");
        assertThat(LinkerdRetryConditions.linkerdConditions(List.of("5xx", "connect-failure"))).isEqualTo("5xx");
        assertThat(LinkerdRetryConditions.linkerdConditions(List.of("retriable-4xx", "gateway-error"))).isEqualTo("409,gateway-error");
        assertThat(LinkerdRetryConditions.linkerdConditions(List.of("reset"))).isEmpty();
    }
}
