package io.meshproof.target.kube.helm;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import io.meshproof.target.TargetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HelmRunner#upgrade} with real helm-java, offline: the chart comes from a loopback chart
 * repository of our own, the cluster is a loopback port nobody listens on. (A real upgrade against
 * the fabric8 mock is out of reach: Helm keeps its releases as protobuf, which the mock cannot read;
 * the k3s end-to-end test upgrades for real.)
 */
class HelmRunnerUpgradeTest {

    /** Distinctive names: Helm caches the repository index and the chart under them in its own cache, which tearDown cleans. */
    static final String REPO = "meshproof-upgrade-test";
    static final String CHART = "meshproof-upgrade-probe";

    @TempDir
    Path dir;
    HttpServer repository;
    URI repositoryUrl;
    /** For each chart archive served: whether the release's values file was on disk at that moment. */
    final List<Boolean> valuesFileDuringDownload = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path charts = Files.createDirectories(dir.resolve("repo"));
        Path chart = dir.resolve("src").resolve(CHART);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + CHART + "\nversion: 0.2.0\n");
        Files.writeString(chart.resolve("templates/configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\n");
        new Helm(chart).packageIt().withDestination(charts).call();
        Files.writeString(charts.resolve("index.yaml"), """
                apiVersion: v1
                entries:
                  %1$s:
                  - {apiVersion: v2, name: %1$s, version: 0.2.0, urls: [%1$s-0.2.0.tgz], created: "2026-01-01T00:00:00Z"}
                generated: "2026-01-01T00:00:00Z"
                """.formatted(CHART));
        repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        repository.createContext("/", exchange -> {
            Path file = charts.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (file.toString().endsWith(".tgz")) {
                valuesFileDuringDownload.add(Files.exists(dir.resolve("work/probe-values.yaml")));
            }
            byte[] body = file.startsWith(charts) && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        repository.start();
        repositoryUrl = URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/");
    }

    @AfterEach
    void tearDown() throws IOException {
        repository.stop(0);
        Path cache = helmRepositoryCache();
        for (String file : new String[] {REPO + "-index.yaml", REPO + "-charts.txt", CHART + "-0.2.0.tgz"}) {
            Files.deleteIfExists(cache.resolve(file));
        }
    }

    /** Where Helm keeps repository indexes and downloaded charts (helm-java offers no option to move it). */
    static Path helmRepositoryCache() {
        String explicit = System.getenv("HELM_REPOSITORY_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("helm/repository");
    }

    static String unreachableKubeconfig() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: connections are refused
        }
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: gone, user: {token: t}}]
                contexts: [{name: gone, context: {cluster: gone, user: gone}}]
                current-context: gone
                """.formatted(port);
    }

    HelmRelease release(String version) {
        return new HelmRelease("probe", "probe", new HelmChart(REPO, repositoryUrl, CHART, version),
                Map.of("identity", Map.of("issuer", Map.of("tls", Map.of("keyPEM", "-----BEGIN PRIVATE KEY-----\nsecret\n")))));
    }

    @Test
    void aFailedAtomicUpgradeSaysWhatFailedAndLeavesNoValuesFile() throws IOException {
        HelmRunner helm = new HelmRunner(dir.resolve("work"));

        assertThatThrownBy(() -> helm.upgrade(release("0.2.0"), unreachableKubeconfig(), Duration.ofSeconds(10), true))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("helm upgrade --atomic probe (" + REPO + "/" + CHART + " 0.2.0) in probe failed: ")
                .hasMessageContaining("Kubernetes cluster unreachable")
                .hasMessageContaining("Helm needs to reach " + repositoryUrl + " and the cluster's API server");
        assertThat(valuesFileDuringDownload).as("Helm fetched the chart while the values file existed").containsExactly(true);
        assertThat(dir.resolve("work/probe-values.yaml")).as("the values (a private key) are removed after use").doesNotExist();
    }

    @Test
    void theThreeArgumentUpgradeIsNotAtomic() throws IOException {
        HelmOperations helm = new HelmRunner(dir.resolve("work"));
        assertThatThrownBy(() -> helm.upgrade(release("0.2.0"), unreachableKubeconfig(), Duration.ofSeconds(10)))
                .hasMessageStartingWith("helm upgrade probe (" + REPO + "/" + CHART + " 0.2.0) in probe failed: ");
    }

    @Test
    void aChartVersionThatDoesNotExistIsNamed() throws IOException {
        HelmRunner helm = new HelmRunner(dir.resolve("work"));
        assertThatThrownBy(() -> helm.upgrade(release("9.9.9"), unreachableKubeconfig(), Duration.ofSeconds(10), false))
                .hasMessageStartingWith("helm upgrade probe (" + REPO + "/" + CHART + " 9.9.9) in probe failed: ")
                .hasMessageContaining("matching 9.9.9 not found")
                .hasMessageContaining("'helm search repo " + REPO + "/" + CHART + " --versions'");
        assertThat(dir.resolve("work/probe-values.yaml")).doesNotExist();
    }
}
