package io.meshproof.target.kube;

import io.meshproof.target.DryRunWriter;
import io.meshproof.target.RenderedState;
import io.meshproof.target.istio.render.IstioRenderer;
import io.meshproof.target.linkerd.render.LinkerdRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedFilesTest {

    @Test
    void filesAreInApplyOrderAndPatchesAreMarked() {
        RenderedState state = new LinkerdRenderer().render(KubeTestScenarios.fixture("outlier-ejection-ratings"), KubeNames.linkerdDefaults());
        List<String> names = state.files().stream().map(RenderedState.RenderedFile::name).toList();
        assertThat(names).isSorted().contains("15-patch-service-ratings.yaml", "10-deployment-ratings-v1-unavailable.yaml");
        assertThat(state.files()).filteredOn(RenderedFiles::isPatch).extracting(RenderedState.RenderedFile::name)
                .containsExactly("15-patch-service-ratings.yaml");
        RenderedState strict = new LinkerdRenderer().render(KubeTestScenarios.fixture("mtls-strict-rejects-plaintext"), KubeNames.linkerdDefaults());
        assertThat(strict.files()).extracting(RenderedState.RenderedFile::name).containsExactly("05-patch-namespace-bookinfo.yaml");
        assertThat(RenderedFiles.isPatch(new RenderedState.RenderedFile("30-httproute-patch-x.yaml", ""))).isFalse();
    }

    @Test
    void everyFileHoldsOneDocumentNamedAfterIt() {
        for (MeshRenderer renderer : KubeTestScenarios.renderers()) {
            for (var scenario : KubeTestScenarios.fixtures()) {
                for (RenderedState.RenderedFile file : renderer.render(scenario, KubeNames.istioDefaults()).files()) {
                    var documents = ManifestYaml.readAll(file.content());
                    assertThat(documents).as(file.name()).hasSize(1);
                    String name = documents.get(0).path("metadata").path("name").asText();
                    assertThat(file.name()).as(file.name()).endsWith("-" + name + ".yaml");
                }
            }
        }
    }

    @Test
    void renderingIsDeterministic() {
        var scenario = KubeTestScenarios.fixture("authz-allow-mixed-rules");
        assertThat(new IstioRenderer().render(scenario, KubeNames.istioDefaults()))
                .isEqualTo(new IstioRenderer().render(scenario, KubeNames.istioDefaults()));
    }

    @Test
    void dryRunWritesExactlyTheRenderedFiles(@TempDir Path reports) throws Exception {
        DryRunWriter writer = new DryRunWriter(reports);
        RenderedState state = new IstioRenderer().render(KubeTestScenarios.fixture("traffic-split-80-20"), KubeNames.istioDefaults());
        Path dir = writer.write("istio", "traffic-split-80-20", state);
        assertThat(dir).isEqualTo(reports.resolve("istio/rendered/traffic-split-80-20"));
        Files.writeString(dir.resolve("99-stale.yaml"), "left over");
        writer.write("istio", "traffic-split-80-20", state);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("20-destinationrule-reviews.yaml", "30-virtualservice-reviews.yaml");
        }
        assertThat(Files.readString(dir.resolve("30-virtualservice-reviews.yaml"))).isEqualTo(state.files().get(1).content());
    }

    @Test
    void identitiesPutTheTesterInTheBookinfoNamespace() {
        KubeNames names = KubeNames.istioDefaults();
        assertThat(WorkloadIdentity.of("tester", names).istioPrincipal()).isEqualTo("cluster.local/ns/bookinfo/sa/tester");
        assertThat(WorkloadIdentity.of("reviews", names).istioPrincipal()).isEqualTo("cluster.local/ns/bookinfo/sa/bookinfo-reviews");
        assertThat(WorkloadIdentity.of("productpage", names).linkerdIdentity())
                .isEqualTo("bookinfo-productpage.bookinfo.serviceaccount.identity.linkerd.cluster.local");
    }
}
