package io.meshproof.target.kube;

import io.meshproof.scenario.Scenario;
import io.meshproof.target.RenderedState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The rendering of representative scenarios, file by file, against reviewed expectations under
 * {@code src/test/resources/golden/<mesh>/<scenario id>.yaml}. After a deliberate change, run with
 * {@code -Dmesh.golden.update=true} to rewrite them (those runs abort instead of passing), and review the diff.
 */
class GoldenRenderingTest {

    static final List<String> SCENARIOS = List.of(
            "traffic-split-80-20", "header-routing-jason-v3", "fault-delay-and-abort-split", "fault-abort-ratings-jason",
            "request-timeout-ratings", "retries-per-rule", "connection-pool-ratings", "outlier-ejection-ratings",
            "mtls-strict-rejects-plaintext", "authz-allow-mixed-rules", "authz-allow-anyone-get-details",
            "authz-deny-tester-post", "rate-limit-ratings-10");

    @TestFactory
    Stream<DynamicTest> renderingMatchesTheReviewedFiles() {
        boolean update = Boolean.getBoolean("mesh.golden.update");
        List<DynamicTest> tests = new ArrayList<>();
        for (MeshRenderer renderer : KubeTestScenarios.renderers()) {
            KubeNames names = renderer.mesh().equals("istio") ? KubeNames.istioDefaults() : KubeNames.linkerdDefaults();
            for (String id : SCENARIOS) {
                tests.add(DynamicTest.dynamicTest(renderer.mesh() + ": " + id, () -> {
                    Scenario scenario = KubeTestScenarios.fixture(id);
                    String actual = concatenated(renderer.render(scenario, names));
                    String resource = "golden/" + renderer.mesh() + "/" + id + ".yaml";
                    if (update) {
                        Path file = Path.of("src/test/resources").resolve(resource);
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, actual, StandardCharsets.UTF_8);
                        abort("rewrote " + file + "; review the diff, then run without -Dmesh.golden.update");
                    }
                    assertThat(actual).isEqualTo(read(resource));
                }));
            }
        }
        return tests.stream();
    }

    /** Every file as a YAML stream, each headed by its file name: one document a file, in apply order. */
    static String concatenated(RenderedState state) {
        StringBuilder all = new StringBuilder();
        state.files().forEach(f -> all.append("# ").append(f.name()).append('\n').append(f.content()).append("---\n"));
        return all.toString();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = GoldenRenderingTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("expected rendering " + resource + " (create it with -Dmesh.golden.update=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
