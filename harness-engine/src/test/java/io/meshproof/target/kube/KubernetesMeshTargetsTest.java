package io.meshproof.target.kube;

import io.meshproof.scenario.Scenario;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.RenderedState;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.cluster.K3sCluster;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.cluster.KubeconfigCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesMeshTargetsTest {

    static Function<String, Optional<String>> params(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    static MeshRenderer renderer(String mesh) {
        return new MeshRenderer() {
            @Override
            public String mesh() {
                return mesh;
            }

            @Override
            public FeatureSupport support(Scenario scenario) {
                return FeatureSupport.nativelySupported();
            }

            @Override
            public RenderedState render(Scenario scenario, KubeNames names) {
                return new RenderedState(List.of());
            }
        };
    }

    @Test
    void k3sIsTheDefaultClusterAndInstallsTheMesh() throws TargetException {
        assertThat(KubernetesMeshTargets.cluster(params(Map.of()))).isInstanceOf(K3sCluster.class);
        KubernetesMeshTarget istio = KubernetesMeshTargets.create("istio", params(Map.of()), renderer("istio"), null);
        assertThat(istio.name()).isEqualTo("istio");
        assertThat(istio.info().version()).isEqualTo("1.30.3");
        assertThat(istio.info().cluster()).isEqualTo("k3s rancher/k3s:v1.35.5-k3s1");
        assertThat(istio.names().bookinfoNamespace()).isEqualTo("bookinfo");
    }

    @Test
    void versionsAndImagesComeFromTheParameters() throws TargetException {
        KubernetesMeshTarget linkerd = KubernetesMeshTargets.create("linkerd",
                params(Map.of("mesh.linkerd.version", "2025.10.7", "mesh.k3s.image", "rancher/k3s:v1.34.1-k3s1")),
                renderer("linkerd"), v -> { throw new AssertionError(); });
        assertThat(linkerd.info().version()).isEqualTo("2025.10.7");
        assertThat(linkerd.info().cluster()).isEqualTo("k3s rancher/k3s:v1.34.1-k3s1");
        assertThat(linkerd.rejectionForms()).containsExactlyInAnyOrder(
                io.meshproof.target.Rejection.FORBIDDEN, io.meshproof.target.Rejection.REFUSED);
    }

    @Test
    void aKubeconfigClusterUsesTheMeshAlreadyThereUnlessToldToInstall(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, "apiVersion: v1\nkind: Config\n");
        KubeCluster cluster = KubernetesMeshTargets.cluster(params(Map.of("mesh.cluster", "kubeconfig", "mesh.kubeconfig", file.toString(),
                "mesh.kube.context", "prod", "mesh.ingress.url", "http://10.0.0.5:30080")));
        assertThat(cluster).isInstanceOf(KubeconfigCluster.class);
        assertThat(cluster.disposable()).isFalse();
        assertThat(cluster.description()).contains("prod");
        assertThat(cluster.ingress(30080)).hasValueSatisfying(u -> assertThat(u).hasToString("http://10.0.0.5:30080"));
    }

    @Test
    void badParametersAreClearErrors() {
        assertThatThrownBy(() -> KubernetesMeshTargets.cluster(params(Map.of("mesh.cluster", "kind"))))
                .isInstanceOf(TargetException.class).hasMessageContaining("mesh.cluster=kind is unknown");
        assertThatThrownBy(() -> KubernetesMeshTargets.create("istio", params(Map.of("mesh.install", "yes")), renderer("istio"), null))
                .isInstanceOf(TargetException.class).hasMessageContaining("mesh.install must be true or false");
        assertThatThrownBy(() -> KubernetesMeshTargets.create("istio", params(Map.of("mesh.kube.timeout", "soon")), renderer("istio"), null))
                .isInstanceOf(TargetException.class).hasMessageContaining("mesh.kube.timeout");
        assertThatThrownBy(() -> KubernetesMeshTargets.cluster(params(Map.of("mesh.ingress.nodePort", "80"))))
                .isInstanceOf(TargetException.class).hasMessageContaining("30000-32767");
        assertThatThrownBy(() -> KubernetesMeshTargets.cluster(params(Map.of("mesh.cluster", "kubeconfig", "mesh.ingress.url", "10.0.0.5"))))
                .isInstanceOf(TargetException.class).hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> KubernetesMeshTargets.create("consul", params(Map.of()), renderer("consul"), null))
                .isInstanceOf(TargetException.class).hasMessageContaining("istio or linkerd");
        assertThatThrownBy(() -> KubernetesMeshTargets.create("istio", params(Map.of()), renderer("linkerd"), null))
                .isInstanceOf(TargetException.class).hasMessageContaining("renderer for linkerd");
    }

    @Test
    void extraHelmValuesComeFromAYamlFile(@TempDir Path dir) throws Exception {
        Path values = dir.resolve("istiod.yaml");
        Files.writeString(values, "pilot:\n  env:\n    PILOT_TRACE_SAMPLING: \"100\"\n");
        assertThat(KubernetesMeshTargets.valuesFile(params(Map.of("mesh.istio.values", values.toString())), "mesh.istio.values"))
                .containsKey("pilot");
        Files.writeString(values, "- not a mapping\n");
        assertThatThrownBy(() -> KubernetesMeshTargets.valuesFile(params(Map.of("mesh.istio.values", values.toString())), "mesh.istio.values"))
                .hasMessageContaining("YAML mapping");
    }

    @Test
    void aTargetThatIsNotStartedSaysSo() throws TargetException {
        KubernetesMeshTarget istio = KubernetesMeshTargets.create("istio", params(Map.of()), renderer("istio"), null);
        assertThatThrownBy(() -> istio.entry(null)).isInstanceOf(TargetException.class).hasMessageContaining("not started");
        istio.close(); // nothing started: closing is safe
    }
}
