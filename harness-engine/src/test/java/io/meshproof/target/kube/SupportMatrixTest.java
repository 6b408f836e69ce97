package io.meshproof.target.kube;

import io.meshproof.report.Support;
import io.meshproof.scenario.Feature;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.istio.render.IstioRenderer;
import io.meshproof.target.linkerd.render.LinkerdRenderer;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The support matrix both renderers claim, per feature and per scenario. */
class SupportMatrixTest {

    @Test
    void istioSupportsEveryFeatureNatively() {
        for (Feature feature : Feature.values()) {
            assertThat(IstioRenderer.support(feature).level()).as(feature.name()).isEqualTo(Support.native_);
        }
        assertThat(IstioRenderer.support(Feature.RateLimit).note()).contains("EnvoyFilter");
    }

    @Test
    void linkerdEmulatesFaultsAndLacksPoolsAndDeny() {
        Map<Feature, Support> expected = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            expected.put(feature, Support.native_);
        }
        expected.put(Feature.FaultDelay, Support.emulated);
        expected.put(Feature.FaultAbort, Support.emulated);
        expected.put(Feature.ConnectionPool, Support.unsupported);
        expected.put(Feature.AuthorizationDeny, Support.unsupported);
        for (Feature feature : Feature.values()) {
            FeatureSupport support = LinkerdRenderer.support(feature);
            assertThat(support.level()).as(feature.name()).isEqualTo(expected.get(feature));
            if (support.level() != Support.native_) {
                assertThat(support.note()).as(feature.name()).isNotBlank();
            }
        }
        assertThat(LinkerdRenderer.support(Feature.AuthorizationDeny).note()).isEqualTo("Linkerd has no DENY action");
        assertThat(LinkerdRenderer.support(Feature.ConnectionPool).note()).contains("no connection-pool limits");
    }

    @Test
    void scenarioSupportTakesTheWeakestFeatureItUses() {
        MeshRenderer linkerd = new LinkerdRenderer();
        MeshRenderer istio = new IstioRenderer();
        assertThat(linkerd.support(KubeTestScenarios.fixture("traffic-split-80-20")).level()).isEqualTo(Support.native_);
        assertThat(linkerd.support(KubeTestScenarios.fixture("fault-delay-ratings-2s")).level()).isEqualTo(Support.emulated);
        assertThat(linkerd.support(KubeTestScenarios.fixture("connection-pool-ratings")).level()).isEqualTo(Support.unsupported);
        assertThat(linkerd.support(KubeTestScenarios.fixture("authz-deny-tester-post")).level()).isEqualTo(Support.unsupported);
        // filed under FaultAbort, but it also splits: still emulated, not native
        assertThat(linkerd.support(KubeTestScenarios.fixture("fault-delay-and-abort-split")).level()).isEqualTo(Support.emulated);
        // connect-failure has no Linkerd retry condition: still native for 5xx, with a note saying what is left out
        FeatureSupport retries = linkerd.support(KubeTestScenarios.fixture("retries-faulty-ratings"));
        assertThat(retries.level()).isEqualTo(Support.native_);
        assertThat(retries.note()).contains("connect-failure");
        for (var scenario : KubeTestScenarios.fixtures()) {
            assertThat(istio.support(scenario).level()).as(scenario.id()).isEqualTo(Support.native_);
        }
        assertThat(istio.support(KubeTestScenarios.fixture("rate-limit-ratings-10")).note()).contains("EnvoyFilter");
    }

    @Test
    void aBehaviorOnlyRatingsHasIsUnsupportedElsewhere() throws Exception {
        var scenario = io.meshproof.scenario.ScenarioReader.read(java.nio.file.Path.of("faulty-reviews.yaml"), """
                id: faulty-reviews
                title: a reviews instance that fails half of the time
                feature: Retries
                setup:
                  instances: [{service: reviews, version: v1, behavior: faulty}]
                traffic: {from: tester, to: reviews, request: {path: /reviews/0}, rate: 10/s}
                expect: [{status: {code: 200, fraction: ">= 99%"}}]
                """);
        assertThat(new IstioRenderer().support(scenario).level()).isEqualTo(Support.unsupported);
        assertThat(new IstioRenderer().support(scenario).note()).contains("ratings");
        assertThat(new IstioRenderer().render(scenario, KubeNames.istioDefaults()).files()).isEmpty();
    }

    @Test
    void onlyLinkerdStrictNeedsPodRestarts() {
        var strict = KubeTestScenarios.fixture("mtls-strict-rejects-plaintext");
        assertThat(new LinkerdRenderer().namespacesToRestart(strict, KubeNames.linkerdDefaults())).containsExactly("bookinfo");
        assertThat(new LinkerdRenderer().namespacesToRestart(KubeTestScenarios.fixture("traffic-split-80-20"), KubeNames.linkerdDefaults())).isEmpty();
        assertThat(new IstioRenderer().namespacesToRestart(strict, KubeNames.istioDefaults())).isEmpty();
    }
}
