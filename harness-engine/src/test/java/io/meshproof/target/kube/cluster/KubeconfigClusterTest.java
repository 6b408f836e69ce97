package io.meshproof.target.kube.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.MockCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigClusterTest {

    static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: %s}
                - name: elsewhere
                  cluster: {server: "http://127.0.0.1:1"}
                contexts:
                - name: mock
                  context: {cluster: mock, user: u}
                - name: elsewhere
                  context: {cluster: elsewhere, user: u}
                current-context: elsewhere
                users:
                - name: u
                  user: {token: t}
                """.formatted(server);
    }

    @Test
    void connectsThroughTheChosenContextAndHandsHelmAKubeconfigWithItAsCurrent(@TempDir Path dir) throws Exception {
        try (MockCluster mock = new MockCluster()) {
            Path file = dir.resolve("config");
            Files.writeString(file, kubeconfig(mock.client.getConfiguration().getMasterUrl()));
            try (KubeconfigCluster cluster = new KubeconfigCluster(file, "mock")) {
                cluster.start(Progress.SILENT);

                assertThat(cluster.client().getKubernetesVersion()).isNotNull();
                assertThat(cluster.disposable()).isFalse();
                assertThat(cluster.description()).contains("mock");
                Map<?, ?> forHelm = new ObjectMapper(new YAMLFactory()).readValue(cluster.kubeconfigYaml(), Map.class);
                assertThat(forHelm.get("current-context")).isEqualTo("mock");
            }
        }
    }

    @Test
    void anUnreachableClusterIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, kubeconfig("http://127.0.0.1:1"));
        KubeconfigCluster cluster = new KubeconfigCluster(file, "elsewhere");
        assertThatThrownBy(() -> cluster.start(Progress.SILENT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("cannot reach the cluster")
                .hasMessageContaining("kubectl --context elsewhere get nodes");
        cluster.close();
    }

    @Test
    void aMissingKubeconfigNamesTheSetting(@TempDir Path dir) {
        KubeconfigCluster cluster = new KubeconfigCluster(dir.resolve("absent"), null);
        assertThatThrownBy(() -> cluster.start(Progress.SILENT)).hasMessageContaining("-Dmesh.kubeconfig");
    }

    @Test
    void theIngressIsWhatTheUserGave() {
        KubeconfigCluster cluster = new KubeconfigCluster(Path.of("x"), null);
        assertThat(cluster.ingress(30080)).isEmpty();
        cluster.withIngressUrl(URI.create("http://10.0.0.5:30080"));
        assertThat(cluster.ingress(30080)).contains(URI.create("http://10.0.0.5:30080"));
        assertThat(cluster.ingressNodePort()).as("Kubernetes picks").isNull();
    }

    @Test
    void k3sRefusesANodePortOutsideTheRange() {
        assertThatThrownBy(() -> new K3sCluster().withIngressNodePort(8080)).hasMessageContaining("30000-32767");
    }
}
