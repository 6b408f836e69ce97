package io.meshproof.target.istio.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshproof.target.RenderedState;
import io.meshproof.target.kube.KubeImages;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.KubeTestScenarios;
import io.meshproof.target.kube.ManifestYaml;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IstioRenderingTest {

    private static final KubeNames NAMES = KubeNames.istioDefaults();

    private static JsonNode document(RenderedState state, String file) {
        return state.files().stream().filter(f -> f.name().equals(file)).findFirst()
                .map(f -> (JsonNode) ManifestYaml.readAll(f.content()).get(0))
                .orElseThrow(() -> new AssertionError("no file " + file + " in " + state.files()));
    }

    @Test
    void routesWithoutScenarioRetriesSwitchIstiosDefaultRetriesOff() {
        RenderedState state = new IstioRenderer().render(KubeTestScenarios.fixture("retries-per-rule"), NAMES);
        JsonNode http = document(state, "30-virtualservice-reviews.yaml").path("spec").path("http");
        assertThat(http.get(0).path("retries").path("attempts").asInt()).isEqualTo(2);
        assertThat(http.get(1).path("retries").path("attempts").asInt()).isZero();
        assertThat(http.get(1).path("retries").has("attempts")).isTrue();
    }

    @Test
    void aServiceWithOnlyClientPolicyGetsANoRetryVirtualService() {
        RenderedState state = new IstioRenderer().render(KubeTestScenarios.fixture("outlier-ejection-ratings"), NAMES);
        JsonNode http = document(state, "30-virtualservice-ratings.yaml").path("spec").path("http");
        assertThat(http).hasSize(1);
        assertThat(http.get(0).path("retries").path("attempts").asInt()).isZero();
        JsonNode outlier = document(state, "20-destinationrule-ratings.yaml").path("spec").path("trafficPolicy").path("outlierDetection");
        assertThat(outlier.path("consecutive5xxErrors").asInt()).isEqualTo(5);
        assertThat(outlier.path("maxEjectionPercent").asInt()).isEqualTo(100);
    }

    @Test
    void subsetsCoverEveryVersionRoutedTo() {
        RenderedState state = new IstioRenderer().render(KubeTestScenarios.fixture("header-routing-jason-v3"), NAMES);
        assertThat(document(state, "20-destinationrule-reviews.yaml").path("spec").path("subsets").findValuesAsText("name"))
                .containsExactly("v1", "v3");
    }

    @Test
    void durationsAreDecimalSeconds() {
        assertThat(IstioDurations.format(Duration.ofMillis(500))).isEqualTo("0.5s");
        assertThat(IstioDurations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(IstioDurations.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(IstioDurations.format(Duration.ofMinutes(2))).isEqualTo("120s");
    }

    @Test
    void extraInstancesUseTheConfiguredHub() {
        RenderedState state = new IstioRenderer(KubeImages.defaults().withBookinfoHub("docker.io/istio"))
                .render(KubeTestScenarios.fixture("retries-faulty-ratings"), NAMES);
        JsonNode container = document(state, "10-deployment-ratings-v1-faulty.yaml").path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo("docker.io/istio/examples-bookinfo-ratings-v1:1.20.3");
        assertThat(container.path("env").get(0).path("value").asText()).isEqualTo("v-faulty");
    }

    @Test
    void onlyPendingRequestsOfZeroAreBeyondIstio() throws Exception {
        var scenario = io.meshproof.scenario.ScenarioReader.read(java.nio.file.Path.of("pool-zero.yaml"), """
                id: pool-zero
                title: no queueing at all
                feature: ConnectionPool
                mesh:
                  destinations: [{service: ratings, connectionPool: {maxConnections: 1, maxPendingRequests: 0}}]
                traffic: {from: tester, to: ratings, request: {path: /ratings/0}, concurrency: 5, requests: 100}
                expect: [{status: {code: 503, fraction: ">= 10%"}}]
                """);
        assertThat(new IstioRenderer().support(scenario).level()).isEqualTo(io.meshproof.report.Support.unsupported);
    }
}
