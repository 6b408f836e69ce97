package io.meshproof.target.kube;

import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.LoadResult;
import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Feature;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.SourcePositions;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Deployment;
import io.meshproof.target.Entry;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.Progress;
import io.meshproof.target.RenderedState;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole Kubernetes path on a throw-away k3s with Istio: install, bookinfo, apply a route,
 * istiod's acknowledgement, load from the meshed tester pod, revert, load from the host through
 * the NodePort. Needs a Docker engine and the network (images, Helm charts); skipped without Docker.
 */
class K3sIstioEndToEndTest {

    static final Progress PRINT = line -> System.out.println("[e2e] " + line);

    /** Renders a fixed "all reviews traffic to v1" state, standing in for the Istio renderer. */
    static final class ReviewsV1Renderer implements MeshRenderer {
        @Override
        public String mesh() {
            return "istio";
        }

        @Override
        public FeatureSupport support(Scenario scenario) {
            return FeatureSupport.nativelySupported();
        }

        @Override
        public RenderedState render(Scenario scenario, KubeNames names) {
            try (InputStream in = getClass().getResourceAsStream("/e2e/istio-reviews-v1.yaml")) {
                return new RenderedState(List.of(new RenderedState.RenderedFile("10-reviews-v1.yaml",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void istioOnK3sFromInstallToCleanUp() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine here: the k3s end-to-end test needs one (CI with Docker runs it)");
        Traffic fromTester = new Traffic(Traffic.Source.tester, "reviews", null, new Traffic.Request("GET", "/reviews/0", null),
                null, 4, 60, null);
        Scenario scenario = new Scenario("e2e-reviews-all-v1", "all reviews traffic to v1", Feature.TrafficSplit, null, null,
                fromTester, null, null, null, SourcePositions.NONE);

        try (KubernetesMeshTarget target = KubernetesMeshTargets.create("istio", key -> Optional.empty(), new ReviewsV1Renderer(), null)) {
            target.start(PRINT);
            assertThat(target.info().version()).isEqualTo("1.30.3");

            Entry tester = target.entry(fromTester);
            assertThat(tester.remote()).isTrue();
            LoadPlan plan = new LoadPlan(tester.baseUri(), "GET", "/reviews/0", tester.headers(), null, 4, 60,
                    Duration.ofSeconds(60), Duration.ofSeconds(5), "tester", true);

            try (Deployment deployment = target.apply(scenario, PRINT)) {
                long appliedMs = deployment.awaitApplied();
                PRINT.line("istiod acknowledged after " + appliedMs + " ms");
                assertThat(deployment.instances()).hasSize(6);
                LoadResult routed = target.inClusterLoadRunner().run(plan, LoadProgress.SILENT);
                assertThat(routed.records()).hasSize(60).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.version()).isEqualTo("v1");
                });
            }

            LoadResult unrouted = target.inClusterLoadRunner().run(plan, LoadProgress.SILENT);
            Set<String> versions = unrouted.records().stream().map(RequestRecord::version).collect(Collectors.toSet());
            assertThat(versions).as("after the revert reviews is balanced again").hasSizeGreaterThan(1);

            Entry ingress = target.entry(new Traffic(Traffic.Source.ingress, null, null, null, null, 1, 1, null));
            assertThat(ingress.remote()).isFalse();
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(ingress.baseUri().resolve("/api/v1/products/0/reviews")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("podname");

            Map<String, String> cookie = target.entry(new Traffic(Traffic.Source.ingress, null, "jason", null, null, 1, 1, null)).headers();
            assertThat(cookie.get("cookie")).startsWith("session=");
        }
    }
}
